import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A dbt Cloud delivery already handled; (workspace, event id) is unique so retried deliveries are ignored. */
@Entity('dbt_cloud_event')
export class DbtCloudEventEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @PrimaryColumn({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ name: 'account_id', type: 'text', nullable: true }) accountId!: string | null;
  @Column({ name: 'job_id', type: 'text', nullable: true }) jobId!: string | null;
  @Column({ name: 'run_status', type: 'text', nullable: true }) runStatus!: string | null;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
