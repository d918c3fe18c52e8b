/**
 * awaitSyncRun: waits for a sync run to reach a terminal status by polling its row (a run may be queued
 * behind another and continue-as-new, so the row is the one stable place to watch). Heartbeats after
 * every look, so a lost worker is noticed and cancellation reaches it.
 */
import { type AwaitSyncRunInput, type AwaitSyncRunResult, TERMINAL_RUN_STATUSES } from '@syncline/contracts';
import { SyncRunStore } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Context, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { withFailureMapping } from './to-activity-failure';

const POLL_MS = 1_000;

export function createAwaitSyncRunActivity(deps: ActivityDeps) {
  return async function awaitSyncRun(input: AwaitSyncRunInput): Promise<AwaitSyncRunResult> {
    return withFailureMapping(async () => {
      const runs = new SyncRunStore(deps.dataSource);
      for (;;) {
        const run = await runs.status(input.runId);
        if (!run) throw new SynclineError(ErrorCode.NotFound, `Sync run ${input.runId} no longer exists`);
        if (TERMINAL_RUN_STATUSES.includes(run.status))
          return { runId: input.runId, status: run.status, counts: run.counts };
        heartbeat();
        await Context.current().sleep(POLL_MS);
      }
    });
  };
}
