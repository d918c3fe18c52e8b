/**
 * Commit: advance the delivered state for accepted rows, mark unattempted rows aborted and write the run
 * summary. Idempotent: a run already in a terminal status is returned as it is.
 */
import { advanceState } from '@syncline/cdc';
import {
  TERMINAL_RUN_STATUSES,
  type CommitInput,
  type RunCounts,
  type SyncRunResult,
  type SyncRunStatus,
} from '@syncline/contracts';
import { SyncRunEntity } from '@syncline/db';
import type { ActivityDeps } from './activity-deps';
import { withFailureMapping } from './to-activity-failure';

function finalStatus(input: CommitInput, counts: RunCounts): SyncRunStatus {
  if (input.outcome === 'failed') return 'failed';
  if (input.outcome === 'cancelled') return 'cancelled';
  const failed = counts.failed.added + counts.failed.changed + counts.failed.removed;
  const aborted = counts.aborted.added + counts.aborted.changed + counts.aborted.removed;
  return failed + aborted > 0 ? 'warning' : 'success';
}

export function createCommitActivity(deps: ActivityDeps) {
  return async function commit(input: CommitInput): Promise<SyncRunResult> {
    return withFailureMapping(async () => {
      const runs = deps.dataSource.getRepository(SyncRunEntity);
      const run = await runs.findOneBy({ id: input.runId });
      if (run && TERMINAL_RUN_STATUSES.includes(run.status))
        return { runId: run.id, status: run.status, counts: run.counts };
      if (run) await runs.update(run.id, { status: 'reporting' });
      const counts = await advanceState(deps.pool, input.runId, input.syncId);
      const status = finalStatus(input, counts);
      if (run) {
        await runs.save(
          Object.assign(run, {
            status,
            counts,
            finishedAt: new Date(),
            errorCode: input.error?.code ?? null,
            errorMessage: input.error?.message ?? null,
            errorDetails: input.error?.details ?? null,
          }),
        );
      }
      return { runId: input.runId, status, counts };
    });
  };
}
