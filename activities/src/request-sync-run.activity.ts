/**
 * requestSyncRun: the schedule, webhook and sequence path into the same start-or-queue call the API
 * makes (libs/sync-trigger), with the worker's own Temporal client. The run goes to this worker's task
 * queue. A sync deleted meanwhile is a permanent failure, not something to retry.
 */
import type { RequestSyncRunInput } from '@syncline/contracts';
import { SyncRunStore } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { requestSyncRun, type SyncRunTarget } from '@syncline/sync-trigger';
import { activityInfo, getClient } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { withFailureMapping } from './to-activity-failure';

async function loadTarget(deps: ActivityDeps, syncId: string): Promise<SyncRunTarget | undefined> {
  const { rows } = await deps.pool.query<SyncRunTarget>(
    `SELECT s.workspace_id AS "workspaceId", s.id AS "syncId", s.name AS "syncName",
            src.type AS "sourceType", d.type AS "destinationType"
       FROM sync s JOIN model m ON m.id = s.model_id JOIN source src ON src.id = m.source_id
       JOIN destination d ON d.id = s.destination_id
      WHERE s.id = $1`,
    [syncId],
  );
  return rows[0];
}

export function createRequestSyncRunActivity(deps: ActivityDeps) {
  /** Returns the id of the run the request joined (started, running or queued). */
  return async function requestSyncRunActivity(input: RequestSyncRunInput): Promise<string> {
    return withFailureMapping(async () => {
      const target = await loadTarget(deps, input.syncId);
      if (!target) throw new SynclineError(ErrorCode.NotFound, `Sync ${input.syncId} no longer exists`);
      const result = await requestSyncRun(getClient(), new SyncRunStore(deps.dataSource), target, {
        taskQueue: activityInfo().taskQueue,
        trigger: input.trigger,
        fullResync: input.fullResync,
        resetCDC: input.resetCDC,
      });
      return result.runId;
    });
  };
}
