import type { DuplicateKeyPolicy, FieldMapping, SyncMode, SyncSchedule } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Model → destination with a mode and a field mapping. */
@Entity('sync')
export class SyncEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @Column({ name: 'destination_id', type: 'uuid' }) destinationId!: string;
  /** The destination object written to (a table, a CRM object type); null where the destination has one. */
  @Column({ name: 'destination_object', type: 'text', nullable: true }) destinationObject!: string | null;
  @Column({ type: 'text' }) mode!: SyncMode;
  @Column({ type: 'jsonb' }) mapping!: FieldMapping[];
  /** For an audience with splits: the one group this sync sends (its model is filtered to it). */
  @Column({ name: 'split_group', type: 'text', nullable: true }) splitGroup!: string | null;
  /** Rows sharing a primary key: excluded with a warning, or the run fails before sending. */
  @Column({ name: 'duplicate_key_policy', type: 'text', default: 'exclude' })
  duplicateKeyPolicy!: DuplicateKeyPolicy;
  /** Fingerprint of primary key + mapping behind the delivered state (null before the first delivery). */
  @Column({ name: 'cdc_fingerprint', type: 'text', nullable: true }) cdcFingerprint!: string | null;
  /** When the sync runs by itself; null = manual. Realised as a Temporal Schedule for interval / cron. */
  @Column({ type: 'jsonb', nullable: true }) schedule!: SyncSchedule | null;
  @Column({ name: 'schedule_paused', type: 'boolean', default: false }) schedulePaused!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
