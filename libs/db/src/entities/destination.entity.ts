import type { RateLimit } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where data is consumed. Its config (credentials included) is stored AES-256-GCM encrypted. */
@Entity('destination')
export class DestinationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'config_encrypted', type: 'text' }) configEncrypted!: string;
  /** Overrides the connector's documented default limit (null: use the default). */
  @Column({ name: 'rate_limit', type: 'jsonb', nullable: true }) rateLimit!: RateLimit | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
