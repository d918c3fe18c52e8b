import type { RowOp } from '@syncline/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RowOutcomeStatus = 'accepted' | 'rejected' | 'deferred' | 'aborted';

/** The row-level outcome of a run: what the destination did with each staged change. */
@Entity('sync_run_row')
export class SyncRunRowEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' }) runId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) op!: RowOp;
  @Column({ type: 'text' }) status!: RowOutcomeStatus;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}
