import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A workspace's dbt Cloud webhook secret (AES-256-GCM encrypted), used to verify delivery signatures. */
@Entity('dbt_cloud_webhook')
export class DbtCloudWebhookEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'secret_encrypted', type: 'text' }) secretEncrypted!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
