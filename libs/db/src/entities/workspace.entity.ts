import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant: every other record belongs to one, and every API call is scoped by its API key. */
@Entity('workspace')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** SHA-256 of the API key; the key itself is shown once and never stored. */
  @Column({ name: 'api_key_hash', type: 'text', unique: true }) apiKeyHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
