import type { SyncSequenceStep } from '@syncline/contracts';
import type { SyncSchedule } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An ordered list of syncs run one after another, each step with its stop conditions; schedulable. */
@Entity('sync_sequence')
export class SyncSequenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'jsonb' }) steps!: SyncSequenceStep[];
  @Column({ type: 'jsonb', nullable: true }) schedule!: SyncSchedule | null;
  @Column({ name: 'schedule_paused', type: 'boolean', default: false }) schedulePaused!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
