/**
 * The workflows a Temporal Schedule, a dbt Cloud webhook and a sync sequence start, with stub activities on
 * the time-skipping test server: triggerSyncs requests each sync's run in order and outlasts a worker that
 * cannot reach Temporal for a while (its retry timers are skipped, not waited for); syncSequence stops where
 * a step's stop condition says so.
 */
import type { SyncActivities } from '@syncline/activities';
import {
  type AwaitSyncRunResult,
  type RequestSyncRunInput,
  SYNC_SEQUENCE_WORKFLOW,
  type SyncSequenceInput,
  type SyncSequenceResult,
  TRIGGER_SYNCS_WORKFLOW,
  type TriggerSyncsInput,
  type TriggerSyncsResult,
} from '@syncline/contracts';
import { useStubWorker } from './helpers/stub-worker';

const counts = (planned: number, failed: number) => ({
  planned: { added: planned, changed: 0, removed: 0 },
  succeeded: { added: planned - failed, changed: 0, removed: 0 },
  failed: { added: failed, changed: 0, removed: 0 },
  deferred: { added: 0, changed: 0, removed: 0 },
  aborted: { added: 0, changed: 0, removed: 0 },
});

describe('trigger workflows (time-skipping, stub activities)', () => {
  const requests: RequestSyncRunInput[] = [];
  let unavailableFor = 0;
  const outcomes = new Map<string, AwaitSyncRunResult>();
  const activities = {
    requestSyncRun: async (input: RequestSyncRunInput) => {
      if (unavailableFor > 0) {
        unavailableFor -= 1;
        throw new Error('Temporal is unreachable'); // retryable: the workflow's retry policy applies
      }
      requests.push(input);
      return `run-of-${input.syncId}`;
    },
    awaitSyncRun: async ({ runId }: { runId: string }) => outcomes.get(runId)!,
  };
  const bed = useStubWorker('trigger-spec', () => activities as unknown as SyncActivities);

  it('requests a run of each scheduled sync, in order, retrying while the request cannot get through', async () => {
    unavailableFor = 5; // five failed attempts: ~1+2+4+8+16 s of backoff, skipped by the test server
    const before = Date.now();
    const result = await bed.env.client.workflow.execute<
      (i: TriggerSyncsInput) => Promise<TriggerSyncsResult>
    >(TRIGGER_SYNCS_WORKFLOW, {
      taskQueue: bed.taskQueue,
      workflowId: 'sync-trigger-a',
      args: [{ syncIds: ['a', 'b'], trigger: 'schedule' }],
    });
    expect(result.runIds).toEqual(['run-of-a', 'run-of-b']);
    expect(requests).toEqual([
      { syncId: 'a', trigger: 'schedule' },
      { syncId: 'b', trigger: 'schedule' },
    ]);
    expect(Date.now() - before).toBeLessThan(20_000);
  });

  it('runs a sequence step by step and stops after a step that rejected too many rows', async () => {
    outcomes.set('run-of-s1', { runId: 'run-of-s1', status: 'success', counts: counts(10, 0) });
    outcomes.set('run-of-s2', { runId: 'run-of-s2', status: 'warning', counts: counts(10, 3) });
    outcomes.set('run-of-s3', { runId: 'run-of-s3', status: 'success', counts: counts(10, 0) });
    const result = await bed.env.client.workflow.execute<
      (i: SyncSequenceInput) => Promise<SyncSequenceResult>
    >(SYNC_SEQUENCE_WORKFLOW, {
      taskQueue: bed.taskQueue,
      workflowId: 'sequence-spec',
      args: [
        {
          sequenceId: 'q',
          trigger: 'manual',
          steps: [
            { syncId: 's1', stopOnFailure: true },
            { syncId: 's2', stopOnFailure: true, maxRejectedPercent: 20 },
            { syncId: 's3', stopOnFailure: true },
          ],
        },
      ],
    });
    expect(result.status).toBe('stopped');
    expect(result.steps.map((s) => [s.syncId, s.status, s.rejectedPercent])).toEqual([
      ['s1', 'success', 0],
      ['s2', 'warning', 30],
    ]);
    expect(result.stopReason).toMatch(/step 2 .* rejected 30\.0% of its rows \(limit 20%\)/);
  });
});
