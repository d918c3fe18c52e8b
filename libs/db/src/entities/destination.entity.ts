import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where data is consumed. Its config (credentials included) is stored AES-256-GCM encrypted. */
@Entity('destination')
export class DestinationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'config_encrypted', type: 'text' }) configEncrypted!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
