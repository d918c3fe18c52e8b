/**
 * Started by a sync's Temporal Schedule and by dbt Cloud webhooks. Temporal Schedules append a timestamp
 * to the workflow ids they start, so they cannot address `sync-<syncId>` themselves: this tiny workflow
 * sends each sync's request through the same start-or-queue call as every other trigger (an activity),
 * with retries, so a trigger accepted by the API is never lost while a worker restarts.
 */
import type { TriggerSyncsInput, TriggerSyncsResult } from '@syncline/contracts';
import { proxyActivities } from '@temporalio/workflow';
import type { SyncActivities } from '@syncline/activities';

const { requestSyncRun } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

export async function triggerSyncs(input: TriggerSyncsInput): Promise<TriggerSyncsResult> {
  const runIds: string[] = [];
  for (const syncId of input.syncIds) {
    runIds.push(await requestSyncRun({ syncId, trigger: input.trigger }));
  }
  return { runIds };
}
