/**
 * A sync sequence: its syncs run one after another. Each step goes through the same start-or-queue call
 * as every trigger (so it waits behind a run of that sync already going), then waits for the run's
 * result; the step's stop conditions decide whether the chain goes on.
 */
import type {
  AwaitSyncRunResult,
  SyncSequenceInput,
  SyncSequenceResult,
  SyncSequenceStep,
  SyncSequenceStepResult,
} from '@syncline/contracts';
import { proxyActivities } from '@temporalio/workflow';
import type { SyncActivities } from '@syncline/activities';

const { requestSyncRun } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

const { awaitSyncRun } = proxyActivities<SyncActivities>({
  // A run can take hours; the activity polls the run's row and heartbeats after every look.
  startToCloseTimeout: '24 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function rejectedPercent(run: AwaitSyncRunResult): number {
  const { planned, failed } = run.counts;
  const plannedRows = planned.added + planned.changed + planned.removed;
  const failedRows = failed.added + failed.changed + failed.removed;
  return plannedRows === 0 ? 0 : (100 * failedRows) / plannedRows;
}

/** Why the chain stops after this step, or null to go on. */
export function stopReason(
  step: SyncSequenceStep,
  result: SyncSequenceStepResult,
  index: number,
): string | null {
  if (step.stopOnFailure && (result.status === 'failed' || result.status === 'cancelled'))
    return `step ${index + 1} (sync ${step.syncId}) ended ${result.status}`;
  const max = step.maxRejectedPercent;
  if (max !== undefined && max !== null && result.rejectedPercent > max)
    return `step ${index + 1} (sync ${step.syncId}) rejected ${result.rejectedPercent.toFixed(1)}% of its rows (limit ${max}%)`;
  return null;
}

export async function syncSequence(input: SyncSequenceInput): Promise<SyncSequenceResult> {
  const steps: SyncSequenceStepResult[] = [];
  for (const [index, step] of input.steps.entries()) {
    // The sync's run is attributed to the sequence; the sequence's own trigger is in its input.
    const runId = await requestSyncRun({ syncId: step.syncId, trigger: 'sequence' });
    const run = await awaitSyncRun({ runId });
    const result = { syncId: step.syncId, runId, status: run.status, rejectedPercent: rejectedPercent(run) };
    steps.push(result);
    const reason = stopReason(step, result, index);
    if (reason) return { status: 'stopped', steps, stopReason: reason };
  }
  return { status: 'completed', steps, stopReason: null };
}
