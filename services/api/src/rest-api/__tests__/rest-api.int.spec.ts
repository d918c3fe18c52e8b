/**
 * The Hightouch-compatible REST API, driven exactly as airflow-provider-hightouch's HightouchHook drives it:
 * POST syncs/trigger (form-encoded, as `requests` sends `data=`), then GET syncs/{id}/runs?runId= until a
 * terminal status, reading plannedRows / successfulRows / failedRows / completionRatio / error; then
 * GET syncs/{id}. Also: 404 with a message, 401 without a key, slugs, and the OpenAPI document.
 */
import { waitFor } from '@syncline/testing';
import request from 'supertest';
import { startTriggerTestEnv, type TriggerTestEnv } from '../../__tests__/helpers/trigger-test-env';

// The provider's consts.py.
const TERMINAL_STATUSES = ['cancelled', 'failed', 'success', 'warning', 'interrupted'];
const PENDING_STATUSES = ['queued', 'querying', 'processing', 'reporting', 'pending'];

describe('REST API /api/v1 (Hightouch-compatible)', () => {
  let env: TriggerTestEnv;
  let http: () => ReturnType<typeof request>;
  let auth: string;

  beforeAll(async () => {
    env = await startTriggerTestEnv('rest');
    http = () => request(env.app.getHttpServer());
    auth = `Bearer ${env.workspace.apiKey}`;
  });

  afterAll(async () => {
    await env?.close();
  });

  /** HightouchHook.make_request: returns resp["data"] when present, else the whole body. */
  const unwrap = (body: Record<string, unknown>) => ('data' in body ? body.data : body);

  /** HightouchHook.sync_and_poll with sync_id, as the Airflow operator runs it. */
  async function airflowSyncAndPoll(syncId: string) {
    const trigger = await http()
      .post('/api/v1/syncs/trigger')
      .set('authorization', auth)
      .set('accept', 'application/json')
      .type('form')
      .send({ syncId });
    expect(trigger.status).toBe(200);
    const syncRequestId = (unwrap(trigger.body) as { id: string }).id;
    const run = await waitFor(
      async () => {
        const res = await http()
          .get(`/api/v1/syncs/${syncId}/runs`)
          .query({ runId: syncRequestId })
          .set('authorization', auth);
        expect(res.status).toBe(200);
        const details = (unwrap(res.body) as Record<string, any>[])[0]!;
        // parse_sync_run_details reads these; a missing one would raise in the provider.
        for (const field of ['plannedRows', 'successfulRows', 'failedRows'])
          expect(Object.keys(details[field]).sort()).toEqual(['addedCount', 'changedCount', 'removedCount']);
        expect(Number.isFinite(Number(details.completionRatio))).toBe(true);
        if (TERMINAL_STATUSES.includes(details.status)) return details;
        expect(PENDING_STATUSES).toContain(details.status);
        return undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `run ${syncRequestId} to reach a terminal status` },
    );
    const sync = await http().get(`/api/v1/syncs/${syncId}`).set('authorization', auth);
    expect(sync.status).toBe(200);
    return { run, sync: unwrap(sync.body) as Record<string, any>, syncRequestId };
  }

  it('runs the Airflow provider loop to success', async () => {
    const syncId = await env.createSync({ rows: 30 });
    const { run, sync, syncRequestId } = await airflowSyncAndPoll(syncId);
    expect(run).toMatchObject({
      id: syncRequestId,
      status: 'success',
      completionRatio: 1,
      error: null,
      querySize: 30,
      plannedRows: { addedCount: 30, changedCount: 0, removedCount: 0 },
      successfulRows: { addedCount: 30, changedCount: 0, removedCount: 0 },
      failedRows: { addedCount: 0, changedCount: 0, removedCount: 0 },
    });
    expect(new Date(run.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(run.startedAt).getTime());
    expect(sync).toMatchObject({ id: syncId, status: 'success', primaryKey: 'id', disabled: false });
  });

  it('reports warning with failedRows when the destination rejects some rows', async () => {
    // crm_N.email is NOT NULL: the Postgres destination rejects these two rows and writes the rest.
    const syncId = await env.createSync({ rows: 10, nullEmails: [3, 7] });
    const { run } = await airflowSyncAndPoll(syncId);
    expect(run).toMatchObject({
      status: 'warning',
      plannedRows: { addedCount: 10, changedCount: 0, removedCount: 0 },
      successfulRows: { addedCount: 8, changedCount: 0, removedCount: 0 },
      failedRows: { addedCount: 2, changedCount: 0, removedCount: 0 },
    });
  });

  it('triggers by slug and by id with JSON flags, and lists runs with paging', async () => {
    const syncId = await env.createSync({ rows: 3, name: 'Slugged Sync' });
    const bySlug = await http()
      .post('/api/v1/syncs/trigger')
      .set('authorization', auth)
      .send({ syncSlug: 'slugged-sync' });
    expect(bySlug.status).toBe(200);
    const listed = await http()
      .get('/api/v1/syncs')
      .query({ slug: 'slugged-sync' })
      .set('authorization', auth);
    expect(listed.body.data.map((s: { id: string }) => s.id)).toEqual([syncId]);

    await env.waitForRunsToFinish(syncId, 1);
    const byId = await http()
      .post(`/api/v1/syncs/${syncId}/trigger`)
      .set('authorization', auth)
      .send({ fullResync: true });
    expect(byId.status).toBe(200);
    await env.waitForRunsToFinish(syncId, 2);
    const page = await http()
      .get(`/api/v1/syncs/${syncId}/runs`)
      .query({ limit: 1 })
      .set('authorization', auth);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.data[0].id).toBe(byId.body.id); // newest first
    expect(page.body.hasMore).toBe(true);
    const next = await http()
      .get(`/api/v1/syncs/${syncId}/runs`)
      .query({ limit: 1, offset: 1 })
      .set('authorization', auth);
    expect(next.body.data[0].id).toBe(bySlug.body.id);
    expect(next.body.hasMore).toBe(false);
  });

  it('answers 404 with a message for an unknown sync, 401 without a key, 422 for bad paging', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const notFound = await http()
      .post(`/api/v1/syncs/${unknown}/trigger`)
      .set('authorization', auth)
      .send({});
    expect(notFound.status).toBe(404);
    expect(notFound.body.message).toContain(unknown);
    const noKey = await http().post(`/api/v1/syncs/${unknown}/trigger`).send({});
    expect(noKey.status).toBe(401);
    expect(noKey.body.message).toMatch(/Bearer/);
    const badKey = await http().get('/api/v1/syncs').set('authorization', 'Bearer nope');
    expect(badKey.status).toBe(401);
    const syncId = await env.createSync();
    const badLimit = await http()
      .get(`/api/v1/syncs/${syncId}/runs`)
      .query({ limit: 'lots' })
      .set('authorization', auth);
    expect(badLimit.status).toBe(422);
  });

  it('lists sources, models and destinations without their credentials', async () => {
    await env.createSync();
    for (const kind of ['sources', 'models', 'destinations']) {
      const res = await http().get(`/api/v1/${kind}`).set('authorization', auth);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      const one = await http().get(`/api/v1/${kind}/${res.body.data[0].id}`).set('authorization', auth);
      expect(one.status).toBe(200);
      expect(one.text).not.toMatch(/password|"host"/);
    }
  });

  it('serves an OpenAPI document listing the endpoints', async () => {
    const res = await http().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/syncs',
        '/api/v1/syncs/trigger',
        '/api/v1/syncs/{syncId}',
        '/api/v1/syncs/{syncId}/trigger',
        '/api/v1/syncs/{syncId}/runs',
        '/api/v1/sources',
        '/api/v1/sources/{id}',
        '/api/v1/models',
        '/api/v1/models/{id}',
        '/api/v1/destinations',
        '/api/v1/destinations/{id}',
      ]),
    );
    expect(res.body.components.schemas.RestSyncRunDto.properties).toHaveProperty('completionRatio');
  });
});
