/**
 * Sync sequences: syncs run one after another through the same start-or-queue path; a step's stop
 * condition (too many rejected rows) ends the chain before the next sync runs.
 */
import type { SyncSequenceResult } from '@syncline/contracts';
import { startTriggerTestEnv, type TriggerTestEnv } from '../../__tests__/helpers/trigger-test-env';

describe('sync sequences', () => {
  let env: TriggerTestEnv;

  beforeAll(async () => {
    env = await startTriggerTestEnv('sequence');
  });

  afterAll(async () => {
    await env?.close();
  });

  async function runSequence(steps: Record<string, unknown>[]): Promise<SyncSequenceResult> {
    const created = await env.gql<{ createSyncSequence: { id: string } }>(
      `mutation($input: CreateSyncSequenceInput!) { createSyncSequence(input: $input) { id } }`,
      { input: { name: 'Nightly', steps } },
    );
    expect(created.errors).toBeUndefined();
    const run = await env.gql<{ runSyncSequence: { workflowId: string; runId: string } }>(
      `mutation($id: ID!) { runSyncSequence(id: $id) { workflowId runId } }`,
      { id: created.data!.createSyncSequence.id },
    );
    expect(run.errors).toBeUndefined();
    const { workflowId, runId } = run.data!.runSyncSequence;
    return env.worker.client.workflow.getHandle(workflowId, runId).result() as Promise<SyncSequenceResult>;
  }

  it('runs its syncs in order', async () => {
    const first = await env.createSync({ rows: 5 });
    const second = await env.createSync({ rows: 5 });
    const result = await runSequence([
      { syncId: first, stopOnFailure: true },
      { syncId: second, stopOnFailure: true },
    ]);
    expect(result.status).toBe('completed');
    expect(result.steps.map((s) => [s.syncId, s.status])).toEqual([
      [first, 'success'],
      [second, 'success'],
    ]);
    const [a] = await env.runsOf(first);
    const [b] = await env.runsOf(second);
    expect(a!.trigger).toBe('sequence');
    expect(b!.started_at!.getTime()).toBeGreaterThanOrEqual(a!.finished_at!.getTime());
  });

  it('stops the chain when a step rejects more rows than allowed', async () => {
    const first = await env.createSync({ rows: 10, nullEmails: [1, 2, 3] }); // 30% rejected
    const second = await env.createSync({ rows: 5 });
    const result = await runSequence([
      { syncId: first, stopOnFailure: true, maxRejectedPercent: 10 },
      { syncId: second, stopOnFailure: true },
    ]);
    expect(result.status).toBe('stopped');
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ status: 'warning', rejectedPercent: 30 });
    expect(result.stopReason).toMatch(/30\.0%/);
    expect(await env.runsOf(second)).toHaveLength(0);
  });
});
