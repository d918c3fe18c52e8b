/**
 * The contract between the control plane (Temporal client) and the worker (workflows + activities).
 * Dependency-free on purpose: the workflow bundler imports it, and it must stay deterministic.
 */

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

export type SyncRunTrigger = 'manual' | 'api' | 'schedule' | 'startup' | 'dbt_cloud' | 'sequence';

/** Workflow input: one versionable object. Never carries row data. */
export interface SyncRunInput {
  syncId: string;
  trigger: SyncRunTrigger;
  /** Send every current row again as added (ignores removals). */
  fullResync?: boolean;
  /** Mark the current model result as delivered without sending anything. */
  resetCDC?: boolean;
  /**
   * The run's id (sync_run.id), chosen by the trigger so it can answer with it before the run starts.
   * Absent: the Temporal run id is used (runs started before triggers chose ids).
   */
  runId?: string;
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
  /** Rows the destination asked to get again later; the next run sends them. (Absent in older runs.) */
  deferred: OpCounts;
  aborted: OpCounts;
}

/** The steps of a sync run, in order (one activity each). */
export type SyncRunStep = 'plan' | 'deliver' | 'commit';

/**
 * The status a run shows while it is in a step. The names are Hightouch's run statuses (the REST API serves
 * them unchanged to Airflow, Dagster and Prefect): querying = plan, processing = deliver, reporting = commit.
 */
export const RUN_STEP_STATUS = {
  plan: 'querying',
  deliver: 'processing',
  commit: 'reporting',
} as const satisfies Record<SyncRunStep, string>;

export type ActiveRunStatus = (typeof RUN_STEP_STATUS)[SyncRunStep];
export type TerminalRunStatus = 'success' | 'warning' | 'failed' | 'cancelled';
/** queued (waiting behind the running run), one status per step, then how it ended. */
export type SyncRunStatus = 'queued' | ActiveRunStatus | TerminalRunStatus;

export const TERMINAL_RUN_STATUSES: readonly SyncRunStatus[] = ['success', 'warning', 'failed', 'cancelled'];
/** A run in one of these holds the sync: the next one waits for it. */
export const ACTIVE_RUN_STATUSES: readonly SyncRunStatus[] = [
  'queued',
  'querying',
  'processing',
  'reporting',
];

export interface PlanInput {
  runId: string;
  workflowId: string;
  syncId: string;
  trigger: SyncRunTrigger;
  fullResync: boolean;
  resetCDC: boolean;
}

export interface PlanResult {
  /** Number of staged changes; the deliver activity reads them by run id. */
  planned: OpCounts;
  stagedChanges: number;
  queryRows: number;
  skippedRows: number;
}

export interface DeliverInput {
  runId: string;
  syncId: string;
}

export interface DeliverResult {
  attempted: number;
  accepted: number;
  rejected: number;
  deferred: number;
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

/** A problem that did not stop the run; `code` is an ErrorCode string. */
export interface RunWarning {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** The failure recorded on a run: `code` is the ApplicationFailure type (an ErrorCode string). */
export interface RunError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

// ---- Triggers: every trigger asks workflow `sync-<syncId>` to start or queue a run (issue 7) ----

/**
 * Workflow update a trigger sends when its start found an execution of `sync-<syncId>` open (the start uses
 * conflict policy FAIL). The running workflow answers with the run the request joined: its own run, or THE
 * one queued run behind it (at most one is ever queued).
 */
export const REQUEST_SYNC_RUN_UPDATE = 'requestRun';
/** Workflow update cancelling the running run or the queued one; answers what it did. */
export const CANCEL_SYNC_RUN_UPDATE = 'cancelRun';

export interface SyncRunRequest {
  /** The run id the trigger proposes; the answer says which run the request really joined. */
  runId: string;
  trigger: SyncRunTrigger;
  fullResync: boolean;
  resetCDC: boolean;
}

export interface SyncRunRequestResult extends SyncRunRequest {
  /** `running`: the request is (or joined) the run going now; `queued`: it runs after it. */
  state: 'running' | 'queued';
}

export type CancelSyncRunResult = 'cancelling' | 'cancelled' | 'not_found';

/** Tiny workflow started by Temporal Schedules and webhooks: requests a run of each sync, in order. */
export const TRIGGER_SYNCS_WORKFLOW = 'triggerSyncs';
export interface TriggerSyncsInput {
  syncIds: string[];
  trigger: SyncRunTrigger;
}
export interface TriggerSyncsResult {
  runIds: string[];
}

/** One Temporal Schedule per sync. */
export function syncScheduleId(syncId: string): string {
  return `sync-schedule-${syncId}`;
}

/** Workflow id prefix of the trigger workflows a sync's schedule starts (Temporal appends a timestamp). */
export function syncTriggerWorkflowId(syncId: string): string {
  return `sync-trigger-${syncId}`;
}

/** Input of the requestSyncRun activity (the schedule / webhook / sequence path into the same call). */
export interface RequestSyncRunInput {
  syncId: string;
  trigger: SyncRunTrigger;
  fullResync?: boolean;
  resetCDC?: boolean;
}

export interface AwaitSyncRunInput {
  runId: string;
}

export interface AwaitSyncRunResult {
  runId: string;
  status: SyncRunStatus;
  counts: RunCounts;
}

// ---- Sync sequences: syncs run one after another ----

export const SYNC_SEQUENCE_WORKFLOW = 'syncSequence';

export function syncSequenceWorkflowId(sequenceId: string): string {
  return `sequence-${sequenceId}`;
}

export function syncSequenceScheduleId(sequenceId: string): string {
  return `sequence-schedule-${sequenceId}`;
}

export interface SyncSequenceStep {
  syncId: string;
  /** Stop the chain when this step's run fails or is cancelled. */
  stopOnFailure: boolean;
  /** Stop the chain when more than this percentage of the step's planned rows were rejected. */
  maxRejectedPercent?: number | null;
}

export interface SyncSequenceInput {
  sequenceId: string;
  steps: SyncSequenceStep[];
  trigger: SyncRunTrigger;
}

export interface SyncSequenceStepResult {
  syncId: string;
  runId: string;
  status: SyncRunStatus;
  rejectedPercent: number;
}

export interface SyncSequenceResult {
  status: 'completed' | 'stopped';
  steps: SyncSequenceStepResult[];
  /** Why the chain stopped early (null when every step ran). */
  stopReason: string | null;
}
