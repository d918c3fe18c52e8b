/**
 * One sync run: plan → deliver → commit. Deterministic orchestration only: activities do the I/O and pass
 * counts and references (the run id), never row data. Operators follow it in the Temporal UI.
 */
import type { CommitInput, RunError, SyncRunInput, SyncRunResult } from '@syncline/contracts';
import {
  ActivityCancellationType,
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { SyncActivities } from '../../activities/src/create-activities';

const { plan } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

const { deliver } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '6 hours',
  // Deliver heartbeats after every batch: a lost worker is noticed within a minute and another resumes.
  heartbeatTimeout: '1 minute',
  // Wait for the activity to stop so commit sees every outcome it recorded.
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 50 },
});

const { commit } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '10 minutes',
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

export async function syncRun(input: SyncRunInput): Promise<SyncRunResult> {
  const { runId, workflowId } = workflowInfo();
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
