/**
 * The contract between the control plane (Temporal client) and the worker (workflows + activities).
 * Dependency-free on purpose: the workflow bundler imports it, and it must stay deterministic.
 */

export const SYNC_TASK_QUEUE = 'syncs';
export const SYNC_RUN_WORKFLOW = 'syncRun';

/** One running run per sync: the workflow id is derived from the sync id. */
export function syncRunWorkflowId(syncId: string): string {
  return `sync-${syncId}`;
}

/** Search attributes registered on the Temporal namespace so operators can find runs in the UI. */
export const SEARCH_ATTRIBUTES = {
  SyncId: 'Keyword',
  SourceType: 'Keyword',
  DestinationType: 'Keyword',
} as const;
export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;

export type SyncRunTrigger = 'manual' | 'api' | 'schedule' | 'startup';

/** Workflow input: one versionable object. Never carries row data. */
export interface SyncRunInput {
  syncId: string;
  trigger: SyncRunTrigger;
  /** Send every current row again as added (ignores removals). */
  fullResync?: boolean;
}

export type RowOp = 'added' | 'changed' | 'removed';

export interface OpCounts {
  added: number;
  changed: number;
  removed: number;
}

export interface RunCounts {
  planned: OpCounts;
  succeeded: OpCounts;
  failed: OpCounts;
  aborted: OpCounts;
}

export type SyncRunStatus =
  'queued' | 'querying' | 'processing' | 'reporting' | 'success' | 'warning' | 'failed' | 'cancelled';

export const TERMINAL_RUN_STATUSES: readonly SyncRunStatus[] = ['success', 'warning', 'failed', 'cancelled'];

export interface PlanInput {
  runId: string;
  workflowId: string;
  syncId: string;
  trigger: SyncRunTrigger;
  fullResync: boolean;
}

export interface PlanResult {
  /** Number of staged changes; the deliver activity reads them by run id. */
  planned: OpCounts;
  stagedChanges: number;
  queryRows: number;
}

export interface DeliverInput {
  runId: string;
  syncId: string;
}

export interface DeliverResult {
  attempted: number;
  accepted: number;
  rejected: number;
}

export interface CommitInput {
  runId: string;
  syncId: string;
  outcome: 'completed' | 'failed' | 'cancelled';
  error?: RunError;
}

export interface SyncRunResult {
  runId: string;
  status: SyncRunStatus;
  counts: RunCounts;
}

/** The failure recorded on a run: `code` is the ApplicationFailure type (an ErrorCode string). */
export interface RunError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
