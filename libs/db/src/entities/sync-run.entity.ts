import type { RunCounts, RunWarning, SyncRunStatus, SyncRunTrigger } from '@syncline/contracts';
import type { RunSettings } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, Generated, PrimaryColumn } from 'typeorm';

export function emptyRunCounts(): RunCounts {
  const zero = () => ({ added: 0, changed: 0, removed: 0 });
  return { planned: zero(), succeeded: zero(), failed: zero(), deferred: zero(), aborted: zero() };
}

/** One execution of a sync; its id is chosen by the trigger (workflow `sync-<syncId>` runs it, memo runId). */
@Entity('sync_run')
export class SyncRunEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** Monotonic order for cursor pagination (ids are random). */
  @Column({ type: 'bigint', unique: true, select: true }) @Generated('increment') seq!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'sync_id', type: 'uuid' }) syncId!: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId!: string;
  @Column({ type: 'text' }) status!: SyncRunStatus;
  @Column({ type: 'text' }) trigger!: SyncRunTrigger;
  @Column({ name: 'full_resync', type: 'boolean', default: false }) fullResync!: boolean;
  @Column({ name: 'query_rows', type: 'integer', nullable: true }) queryRows!: number | null;
  @Column({ type: 'jsonb' }) counts!: RunCounts;
  /** Problems that did not stop the run (null or duplicate primary keys), each with a code and samples. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) warnings!: RunWarning[];
  /** Rows of the model that were not considered (null or duplicate primary key). */
  @Column({ name: 'skipped_rows', type: 'integer', default: 0 }) skippedRows!: number;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode!: string | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage!: string | null;
  @Column({ name: 'error_details', type: 'jsonb', nullable: true }) errorDetails!: Record<
    string,
    unknown
  > | null;
  /** What the run runs with, pinned by its plan step (null until then). */
  @Column({ type: 'jsonb', nullable: true }) settings!: RunSettings | null;
  /** The source's and destination's configs as planned, sealed; cleared when the run ends. */
  @Column({ name: 'source_config_encrypted', type: 'text', nullable: true, select: false })
  sourceConfigEncrypted!: string | null;
  @Column({ name: 'destination_config_encrypted', type: 'text', nullable: true, select: false })
  destinationConfigEncrypted!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
