/**
 * Commit: advance the delivered state for accepted rows with the engine the run was planned with, mark
 * unattempted rows aborted and write the run summary. Idempotent: a run already ended is returned as it is.
 */
import { recordMembershipChanges } from '@syncline/audiences';
import {
  TERMINAL_RUN_STATUSES,
  type CommitInput,
  type RunCounts,
  type SyncRunResult,
  type TerminalRunStatus,
} from '@syncline/contracts';
import { SyncEntity, SyncRunStore } from '@syncline/db';
import { cancellationSignal } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { commitRun } from './cdc-engine';
import { runContext } from './run-context';
import { withFailureMapping } from './to-activity-failure';

function finalStatus(input: CommitInput, counts: RunCounts, warnings: number): TerminalRunStatus {
  if (input.outcome === 'failed') return 'failed';
  if (input.outcome === 'cancelled') return 'cancelled';
  const failed = counts.failed.added + counts.failed.changed + counts.failed.removed;
  const aborted = counts.aborted.added + counts.aborted.changed + counts.aborted.removed;
  const deferred = counts.deferred.added + counts.deferred.changed + counts.deferred.removed;
  return failed + deferred + aborted + warnings > 0 ? 'warning' : 'success';
}

export function createCommitActivity(deps: ActivityDeps) {
  return async function commit(input: CommitInput): Promise<SyncRunResult> {
    return withFailureMapping(async () => {
      const runs = new SyncRunStore(deps.dataSource);
      const run = await runs.startCommit(input.runId);
      if (run && TERMINAL_RUN_STATUSES.includes(run.status))
        return { runId: run.id, status: run.status, counts: run.counts };
      const ctx = await runContext(deps, input.runId, input.syncId);
      await recordMembershipChanges(deps.pool, input.runId, input.syncId, ctx.settings.audience);
      const counts = await commitRun(deps, ctx, input.runId, cancellationSignal());
      const status = finalStatus(input, counts, run?.warnings.length ?? 0);
      // The delivered state now reflects the planned mapping: record it unless an older mapping's state remains.
      const sync = await deps.dataSource.getRepository(SyncEntity).findOneBy({ id: input.syncId });
      if (sync && status !== 'failed' && (sync.cdcFingerprint === null || run?.fullResync)) {
        await deps.dataSource
          .getRepository(SyncEntity)
          .update(sync.id, { cdcFingerprint: ctx.settings.mappingFingerprint });
      }
      await runs.finish(input.runId, { status, counts, error: input.error });
      return { runId: input.runId, status, counts };
    });
  };
}
