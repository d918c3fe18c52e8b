import type { ActivityDeps } from './activity-deps';
import { createCommitActivity } from './commit.activity';
import { createDeliverActivity } from './deliver.activity';
import { createPlanActivity } from './plan.activity';

/** The activities of a sync run, built from the worker's dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    plan: createPlanActivity(deps),
    deliver: createDeliverActivity(deps),
    commit: createCommitActivity(deps),
  };
}

export type SyncActivities = ReturnType<typeof createActivities>;
