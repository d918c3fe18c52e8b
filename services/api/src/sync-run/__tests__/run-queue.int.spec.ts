/**
 * The overlap rule every trigger shares: a burst of concurrent triggers of one sync gives one running run
 * and at most one queued run after it, and the two never overlap.
 */
import request from 'supertest';
import { startTriggerTestEnv, type TriggerTestEnv } from '../../__tests__/helpers/trigger-test-env';

describe('run queue (one running + at most one queued per sync)', () => {
  let env: TriggerTestEnv;

  beforeAll(async () => {
    env = await startTriggerTestEnv('queue');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('answers a burst of 20 concurrent triggers with the running run and one queued run', async () => {
    const syncId = await env.createSync({ rows: 20, slowSeconds: 3 });
    const runSync = `mutation($input: RunSyncInput!) { runSync(input: $input) { id status } }`;
    // Half through GraphQL, half through the REST API: both end in the same start-or-queue call.
    const ids = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        if (i % 2 === 0) {
          const res = await env.gql<{ runSync: { id: string } }>(runSync, { input: { syncId } });
          expect(res.errors).toBeUndefined();
          return res.data!.runSync.id;
        }
        const res = await request(env.app.getHttpServer())
          .post(`/api/v1/syncs/${syncId}/trigger`)
          .set('authorization', `Bearer ${env.workspace.apiKey}`)
          .send({});
        expect(res.status).toBe(200);
        return res.body.id as string;
      }),
    );
    const distinct = [...new Set(ids)];
    expect(distinct).toHaveLength(2);

    await env.waitForRunsToFinish(syncId, 2);
    const runs = await env.runsOf(syncId);
    expect(runs.map((r) => r.id).sort()).toEqual([...distinct].sort());
    expect(runs.map((r) => r.status)).toEqual(['success', 'success']);
    // The queued run started only after the first one finished.
    expect(runs[1]!.started_at!.getTime()).toBeGreaterThanOrEqual(runs[0]!.finished_at!.getTime());
  });

  it('cancels a queued run without touching the running one', async () => {
    const syncId = await env.createSync({ rows: 5, slowSeconds: 2 });
    const trigger = async () =>
      (
        await env.gql<{ runSync: { id: string } }>(
          `mutation($input: RunSyncInput!) { runSync(input: $input) { id } }`,
          { input: { syncId } },
        )
      ).data!.runSync.id;
    const running = await trigger();
    const queued = await trigger();
    expect(queued).not.toBe(running);

    const cancel = await env.gql<{ cancelSyncRun: { id: string; status: string } }>(
      `mutation($runId: ID!) { cancelSyncRun(runId: $runId) { id status } }`,
      { runId: queued },
    );
    expect(cancel.errors).toBeUndefined();
    expect(cancel.data!.cancelSyncRun.status).toBe('cancelled');
    await env.waitForRunsToFinish(syncId, 2);
    const byId = new Map((await env.runsOf(syncId)).map((r) => [r.id, r.status]));
    expect(byId.get(running)).toBe('success');
    expect(byId.get(queued)).toBe('cancelled');
  });
});
