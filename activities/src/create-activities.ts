import type { ActivityDeps } from './activity-deps';
import { createAwaitSyncRunActivity } from './await-sync-run.activity';
import { createCancelQueuedRunActivity } from './cancel-queued-run.activity';
import { createCommitActivity } from './commit.activity';
import { createDeliverActivity } from './deliver.activity';
import { createPlanActivity } from './plan.activity';
import { createRequestSyncRunActivity } from './request-sync-run.activity';

/** The activities of a sync run, built from the worker's dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    plan: createPlanActivity(deps),
    deliver: createDeliverActivity(deps),
    commit: createCommitActivity(deps),
    // Triggers (schedules, webhooks, sequences) and the run queue.
    requestSyncRun: createRequestSyncRunActivity(deps),
    awaitSyncRun: createAwaitSyncRunActivity(deps),
    cancelQueuedRun: createCancelQueuedRunActivity(deps),
  };
}

export type SyncActivities = ReturnType<typeof createActivities>;
