/**
 * End to end over HTTP: configure a sync through GraphQL, run it on a real worker through the Temporal dev
 * server, read the run back; then cancel a run stuck on a failing destination and see the next run recover.
 */
import type { INestApplication } from '@nestjs/common';
import {
  startWebhookEmulator,
  type WebhookEmulator,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import {
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  testEncryptionKey,
  waitFor,
  type TestDatabase,
} from '@syncline/testing';
import { startTestWorker, type TestWorker } from '@syncline/worker/src/__tests__/helpers/test-worker';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  createTestApp,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
  type GraphqlClient,
} from './helpers/create-test-app';

const TASK_QUEUE = `e2e-${randomBytes(4).toString('hex')}`;
const SECRET = 'whsec_e2e_0123456789abcdef';

const RUN_FIELDS = `id status error { code message }
  counts { planned { added changed removed } succeeded { added changed removed } aborted { added changed removed } }`;

describe('GraphQL → Temporal → destination', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let wh: PgClient;
  let app: INestApplication;
  let worker: TestWorker;
  let receiver: WebhookEmulator;
  let gql: GraphqlClient;

  beforeAll(async () => {
    const encryptionKey = testEncryptionKey();
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    wh = new PgClient({ connectionString: warehouse.url });
    await wh.connect();
    await wh.query(`CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, plan text);
      INSERT INTO customers SELECT g, 'c' || g || '@example.com', 'free' FROM generate_series(1, 120) g;
      CREATE TABLE crm_contacts (customer_id int PRIMARY KEY, email text NOT NULL, plan text);`);
    app = await createTestApp(
      testApiConfig({ databaseUrl: controlPlane.url, taskQueue: TASK_QUEUE, encryptionKey }),
    );
    gql = graphqlClient(app, (await seedWorkspace(app)).apiKey);
    worker = await startTestWorker(controlPlane.url, encryptionKey, TASK_QUEUE);
    receiver = await startWebhookEmulator({ secret: SECRET });
  });

  afterAll(async () => {
    await receiver?.close();
    await worker?.stop();
    await app?.close();
    await wh?.end();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  async function create(kind: string, input: Record<string, unknown>): Promise<string> {
    const res = await gql<Record<string, { id: string }>>(
      `mutation($input: Create${kind}Input!) { create${kind}(input: $input) { id } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    return res.data![`create${kind}`]!.id;
  }

  async function syncTo(
    destination: { type: string; config: Record<string, unknown> },
    object?: string,
  ): Promise<string> {
    const sourceId = await create('Source', {
      name: 'Warehouse',
      type: 'postgres',
      config: pgConnectorConfig(warehouse.url),
    });
    const modelId = await create('Model', {
      name: 'Customers',
      sourceId,
      sql: 'SELECT id, email, plan FROM customers',
      primaryKey: 'id',
    });
    const destinationId = await create('Destination', { name: destination.type, ...destination });
    return create('Sync', {
      name: `Customers → ${destination.type}`,
      modelId,
      destinationId,
      destinationObject: object,
      mode: 'upsert',
      mapping: [
        { from: 'id', to: 'customer_id' },
        { from: 'email', to: 'email' },
        { from: 'plan', to: 'plan' },
      ],
    });
  }

  async function runSync(syncId: string): Promise<string> {
    const res = await gql<{ runSync: { id: string } }>(
      `mutation($input: RunSyncInput!) { runSync(input: $input) { id } }`,
      {
        input: { syncId },
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.runSync.id;
  }

  const readRun = async (id: string) =>
    (await gql<{ syncRun: any }>(`query($id: ID!) { syncRun(id: $id) { ${RUN_FIELDS} } }`, { id })).data!
      .syncRun;

  const finished = (id: string) =>
    waitFor(
      async () => {
        const run = await readRun(id);
        return ['success', 'warning', 'failed', 'cancelled'].includes(run.status) ? run : undefined;
      },
      { timeoutMs: 60_000, what: `run ${id} to finish` },
    );

  it('runs a sync created over GraphQL and reports its counts and row outcomes', async () => {
    const syncId = await syncTo(
      { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      'crm_contacts',
    );
    const run = await finished(await runSync(syncId));
    expect(run).toMatchObject({ status: 'success', error: null });
    expect(run.counts.succeeded).toEqual({ added: 120, changed: 0, removed: 0 });
    expect((await wh.query('SELECT count(*)::int AS n FROM crm_contacts')).rows[0].n).toBe(120);

    const rows = await gql<{ syncRun: { rows: { key: string; op: string; status: string }[] } }>(
      `query($id: ID!) { syncRun(id: $id) { rows(first: 5) { key op status } } }`,
      { id: run.id },
    );
    expect(rows.data!.syncRun.rows).toHaveLength(5);
    expect(rows.data!.syncRun.rows.every((r) => r.op === 'added' && r.status === 'accepted')).toBe(true);

    const page = await gql<{ syncRuns: { edges: { node: { id: string } }[] } }>(
      `query($syncId: ID!) { syncRuns(syncId: $syncId, first: 10) { edges { node { id } } } }`,
      { syncId },
    );
    expect(page.data!.syncRuns.edges.map((e) => e.node.id)).toEqual([run.id]);
  });

  it('cancels a run whose destination keeps failing; the next run sends the aborted rows', async () => {
    const syncId = await syncTo({
      type: 'webhook',
      config: { url: receiver.url, secret: SECRET, batchSize: 50 },
    });
    receiver.failNext(1000, 503);
    const runId = await runSync(syncId);
    await waitFor(async () => (receiver.received.length >= 2 ? true : undefined), {
      what: 'delivery attempts',
    });

    const cancel = await gql(`mutation($runId: ID!) { cancelSyncRun(runId: $runId) { id } }`, { runId });
    expect(cancel.errors).toBeUndefined();
    const cancelled = await finished(runId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.aborted.added).toBe(120);
    expect(receiver.records()).toHaveLength(0);

    receiver.clearFaults();
    const next = await finished(await runSync(syncId));
    expect(next.status).toBe('success');
    expect(next.counts.succeeded.added).toBe(120);
    expect(new Set(receiver.records().map((r) => r.key)).size).toBe(120);
  });
});
