/**
 * cancelQueuedRun: records as cancelled a queued run that will never start. Upserts, because the
 * trigger that queued it may insert its row only after the workflow answered.
 */
import { emptyRunCounts } from '@syncline/db';
import { syncRunWorkflowId } from '@syncline/contracts';
import type { ActivityDeps } from './activity-deps';

export interface CancelQueuedRunInput {
  runId: string;
  syncId: string;
}

export function createCancelQueuedRunActivity(deps: ActivityDeps) {
  return async function cancelQueuedRun(input: CancelQueuedRunInput): Promise<void> {
    await deps.pool.query(
      `INSERT INTO sync_run (id, workspace_id, sync_id, workflow_id, status, trigger, counts, finished_at)
       SELECT $1, s.workspace_id, s.id, $3, 'cancelled', 'manual', $4, now() FROM sync s WHERE s.id = $2
       ON CONFLICT (id) DO UPDATE SET status = 'cancelled', finished_at = now()
         WHERE sync_run.status = 'queued'`,
      [input.runId, input.syncId, syncRunWorkflowId(input.syncId), JSON.stringify(emptyRunCounts())],
    );
  };
}
