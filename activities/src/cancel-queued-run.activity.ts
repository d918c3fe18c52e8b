/** cancelQueuedRun: records as cancelled a queued run that will never start (see SyncRunStore.cancelQueued). */
import { SyncRunStore } from '@syncline/db';
import type { ActivityDeps } from './activity-deps';

export interface CancelQueuedRunInput {
  runId: string;
  syncId: string;
}

export function createCancelQueuedRunActivity(deps: ActivityDeps) {
  return async function cancelQueuedRun(input: CancelQueuedRunInput): Promise<void> {
    await new SyncRunStore(deps.dataSource).cancelQueued(input.runId, input.syncId);
  };
}
