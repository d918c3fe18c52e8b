import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface JoinColumnPair {
  from: string;
  to: string;
}

/** How two schema models join: column pairs and a cardinality; many-to-many goes through a join model. */
@Entity('audience_relationship')
export class AudienceRelationshipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'from_model_id', type: 'uuid' }) fromModelId!: string;
  @Column({ name: 'to_model_id', type: 'uuid' }) toModelId!: string;
  @Column({ type: 'text' }) cardinality!: 'one-to-one' | 'one-to-many' | 'many-to-one' | 'many-to-many';
  @Column({ type: 'jsonb' }) joins!: JoinColumnPair[];
  @Column({ name: 'through_model_id', type: 'uuid', nullable: true }) throughModelId!: string | null;
  @Column({ name: 'through_joins', type: 'jsonb', nullable: true }) throughJoins!: JoinColumnPair[] | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
