/**
 * One sync run: plan → deliver → commit. Deterministic orchestration only: activities do the I/O and pass
 * counts and references (the run id), never row data. Operators follow it in the Temporal UI.
 */
import {
  CANCEL_SYNC_RUN_UPDATE,
  type CancelSyncRunResult,
  type CommitInput,
  REQUEST_SYNC_RUN_UPDATE,
  type RunError,
  type SyncRunInput,
  type SyncRunRequest,
  type SyncRunRequestResult,
  type SyncRunResult,
} from '@syncline/contracts';
import {
  ActivityCancellationType,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  defineUpdate,
  isCancellation,
  makeContinueAsNewFunc,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { SyncActivities } from '@syncline/activities';
import { mergeRunRequests } from './merge-run-requests';

/** Every trigger: start this run or queue it (see libs/sync-trigger). */
export const requestRunUpdate = defineUpdate<SyncRunRequestResult, [SyncRunRequest]>(REQUEST_SYNC_RUN_UPDATE);
/** Cancel the running run or the queued one, by run id. */
export const cancelRunUpdate = defineUpdate<CancelSyncRunResult, [string]>(CANCEL_SYNC_RUN_UPDATE);

const { plan } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '2 hours',
  // Plan heartbeats when its run record is written and when the model's columns are known (its first
  // batch), not while it stages rows: a plan that stages for longer than this after its first batch is
  // timed out and retried from the start.
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

const { deliver } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '6 hours',
  // Deliver heartbeats every few seconds while alive: a killed worker is noticed within 15 s and another
  // worker resumes after the last batch whose outcomes were recorded.
  heartbeatTimeout: '15 seconds',
  // Wait for the activity to stop so commit sees every outcome it recorded.
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  // Transient destination errors set their own delay (activities/src/deliver-backoff.ts) and give up after
  // too many attempts without progress; this policy covers the rest (a worker lost mid-batch).
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { commit } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const { cancelQueuedRun } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** The failure an activity raised, as the run's error (code = ApplicationFailure type). */
function runError(err: unknown): RunError {
  let cause: unknown = err;
  while (cause instanceof Error && !(cause instanceof ApplicationFailure) && cause.cause) cause = cause.cause;
  if (cause instanceof ApplicationFailure) {
    const details = cause.details?.[0];
    return {
      code: cause.type ?? 'INTERNAL',
      message: cause.message,
      details: details && typeof details === 'object' ? (details as Record<string, unknown>) : undefined,
    };
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/**
 * One execution of workflow `sync-<syncId>` runs one sync run. Triggers arriving meanwhile (update
 * `requestRun`) are folded into at most one queued run, which this execution hands over to the next one
 * with continue-as-new when it finishes — whatever the outcome — so a sync never has two runs at once and
 * never more than one waiting.
 */
export async function syncRun(input: SyncRunInput): Promise<SyncRunResult> {
  const { workflowId } = workflowInfo();
  const runId = input.runId ?? workflowInfo().runId;
  const own: SyncRunRequest = {
    runId,
    trigger: input.trigger,
    fullResync: input.fullResync ?? false,
    resetCDC: input.resetCDC ?? false,
  };
  let queued: SyncRunRequest | undefined;
  const runScope = new CancellationScope();

  setHandler(requestRunUpdate, (request) => {
    // A trigger whose start was answered "already started" (an earlier attempt of the same call did start
    // this execution) asks it next: that request is our own run.
    if (request.runId === runId) return { ...own, state: 'running' };
    queued = mergeRunRequests(queued, request);
    return { ...queued, state: 'queued' };
  });
  setHandler(cancelRunUpdate, async (id) => {
    if (id === runId) {
      runScope.cancel();
      return 'cancelling';
    }
    if (queued?.runId !== id) return 'not_found';
    queued = undefined;
    await CancellationScope.nonCancellable(() => cancelQueuedRun({ runId: id, syncId: input.syncId }));
    return 'cancelled';
  });

  let result: SyncRunResult | undefined;
  let failure: unknown;
  try {
    result = await runScope.run(() => runOnce(input, runId, workflowId));
  } catch (err) {
    failure = err;
  }
  // Cancelling the workflow itself (API cancelSyncRun, Temporal UI) cancels this run only: a queued run
  // still runs after it, as with the cancelRun update.
  // Answer every update this execution accepted before handing over or closing.
  await CancellationScope.nonCancellable(() => condition(allHandlersFinished));
  if (queued) {
    const next: SyncRunInput = { syncId: input.syncId, ...queued };
    // The memo names the run an execution runs, so the API can cancel it without asking a worker.
    const memo = { ...workflowInfo().memo, runId: next.runId };
    await makeContinueAsNewFunc<typeof syncRun>({ memo })(next);
  }
  if (failure !== undefined) throw failure;
  return result as SyncRunResult;
}

/** plan → deliver → commit for one run; the run's own failure or cancellation is recorded, then rethrown. */
async function runOnce(input: SyncRunInput, runId: string, workflowId: string): Promise<SyncRunResult> {
  const commitInput = { runId, syncId: input.syncId };
  const finish = (rest: Omit<CommitInput, 'runId' | 'syncId'>) =>
    CancellationScope.nonCancellable(() => commit({ ...commitInput, ...rest }));
  try {
    await plan({
      runId,
      workflowId,
      syncId: input.syncId,
      trigger: input.trigger,
      fullResync: input.fullResync ?? false,
      resetCDC: input.resetCDC ?? false,
    });
    await deliver({ runId, syncId: input.syncId });
    return await finish({ outcome: 'completed' });
  } catch (err) {
    if (isCancellation(err)) {
      await finish({ outcome: 'cancelled' });
      throw err; // the workflow itself ends as cancelled in the Temporal UI
    }
    const error = runError(err);
    await finish({ outcome: 'failed', error });
    // Fail the workflow too, so the Temporal UI shows the run as failed with the user-facing message.
    throw ApplicationFailure.nonRetryable(error.message, error.code);
  }
}
