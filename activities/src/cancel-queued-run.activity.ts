/** cancelQueuedRun: records as cancelled a queued run that will never start (see SyncRunStore.cancelQueued). */
import { SyncRunStore } from '@syncline/db';
import type { ActivityDeps } from './activity-deps';
import { withFailureMapping } from './to-activity-failure';

export interface CancelQueuedRunInput {
  runId: string;
  syncId: string;
}

export function createCancelQueuedRunActivity(deps: ActivityDeps) {
  return async function cancelQueuedRun(input: CancelQueuedRunInput): Promise<void> {
    await withFailureMapping(() => new SyncRunStore(deps.dataSource).cancelQueued(input.runId, input.syncId));
  };
}
