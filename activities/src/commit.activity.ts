/**
 * Commit: advance the delivered state for accepted rows, mark unattempted rows aborted and write the run
 * summary. Idempotent: a run already in a terminal status is returned as it is.
 */
import { recordMembershipChanges } from '@syncline/audiences';
import { cdcFingerprint } from '@syncline/cdc';
import {
  TERMINAL_RUN_STATUSES,
  type CommitInput,
  type RunCounts,
  type SyncRunResult,
  type SyncRunStatus,
} from '@syncline/contracts';
import { SyncEntity, SyncRunEntity } from '@syncline/db';
import { cancellationSignal } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { commitRun } from './cdc-engine';
import { loadSyncContext } from './load-sync-context';
import { withFailureMapping } from './to-activity-failure';

function finalStatus(input: CommitInput, counts: RunCounts, warnings: number): SyncRunStatus {
  if (input.outcome === 'failed') return 'failed';
  if (input.outcome === 'cancelled') return 'cancelled';
  const failed = counts.failed.added + counts.failed.changed + counts.failed.removed;
  const aborted = counts.aborted.added + counts.aborted.changed + counts.aborted.removed;
  return failed + aborted + warnings > 0 ? 'warning' : 'success';
}

export function createCommitActivity(deps: ActivityDeps) {
  return async function commit(input: CommitInput): Promise<SyncRunResult> {
    return withFailureMapping(async () => {
      const runs = deps.dataSource.getRepository(SyncRunEntity);
      const run = await runs.findOneBy({ id: input.runId });
      if (run && TERMINAL_RUN_STATUSES.includes(run.status))
        return { runId: run.id, status: run.status, counts: run.counts };
      if (run) await runs.update(run.id, { status: 'reporting' });
      const ctx = await loadSyncContext(deps, input.syncId);
      await recordMembershipChanges(deps.pool, input.runId, ctx.sync, ctx.model);
      const counts = await commitRun(deps, ctx, input.runId, cancellationSignal());
      const status = finalStatus(input, counts, run?.warnings.length ?? 0);
      // The delivered state now reflects this mapping: record it unless an older mapping's state remains.
      if (status !== 'failed' && (ctx.sync.cdcFingerprint === null || run?.fullResync)) {
        await deps.dataSource
          .getRepository(SyncEntity)
          .update(ctx.sync.id, { cdcFingerprint: cdcFingerprint(ctx.model.primaryKey, ctx.sync.mapping) });
      }
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
