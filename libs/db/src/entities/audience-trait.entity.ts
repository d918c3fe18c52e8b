import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A value per parent row computed over a related or event model; a column of every audience of the parent. */
@Entity('audience_trait')
export class AudienceTraitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'parent_model_id', type: 'uuid' }) parentModelId!: string;
  @Column({ type: 'text' }) name!: string;
  /** relationshipId, aggregation, column, orderBy, conditions (see libs/audiences TraitDefinition). */
  @Column({ type: 'jsonb' }) definition!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
