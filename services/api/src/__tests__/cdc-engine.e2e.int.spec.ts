/**
 * CDC through the API: an in-warehouse source runs its diffs in the warehouse's syncline_planner schema,
 * run warnings reach GraphQL, a mapping change asks for a full resync, and deleting the sync drops its
 * planner table.
 */
import type { INestApplication } from '@nestjs/common';
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
  errorCode,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
  type GraphqlClient,
} from './helpers/create-test-app';

const TASK_QUEUE = `cdc-${randomBytes(4).toString('hex')}`;
const mapping = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'plan', to: 'plan' },
];

describe('CDC engines through the API', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let wh: PgClient;
  let app: INestApplication;
  let worker: TestWorker;
  let gql: GraphqlClient;

  beforeAll(async () => {
    const encryptionKey = testEncryptionKey();
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    wh = new PgClient({ connectionString: warehouse.url });
    await wh.connect();
    await wh.query(`CREATE TABLE customers (id int, email text NOT NULL, plan text);
      INSERT INTO customers SELECT g, 'c' || g || '@example.com', 'free' FROM generate_series(1, 40) g;
      CREATE TABLE crm (customer_id int PRIMARY KEY, email text NOT NULL, plan text);`);
    app = await createTestApp(
      testApiConfig({ databaseUrl: controlPlane.url, taskQueue: TASK_QUEUE, encryptionKey }),
    );
    gql = graphqlClient(app, (await seedWorkspace(app)).apiKey);
    worker = await startTestWorker(controlPlane.url, encryptionKey, TASK_QUEUE);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await wh?.end();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  async function mutate<T = Record<string, any>>(
    name: string,
    inputType: string,
    input: Record<string, unknown>,
    fields = 'id',
  ) {
    return gql<Record<string, T>>(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`,
      { input },
    );
  }

  async function run(syncId: string, fullResync = false) {
    const started = await mutate<{ id: string }>('runSync', 'RunSyncInput', { syncId, fullResync });
    expect(started.errors).toBeUndefined();
    const id = started.data!.runSync!.id;
    return waitFor(
      async () => {
        const res = await gql<{ syncRun: any }>(
          `query($id: ID!) { syncRun(id: $id) { status skippedRows warnings { code message details } counts { planned { added changed removed } } } }`,
          { id },
        );
        return ['success', 'warning', 'failed', 'cancelled'].includes(res.data!.syncRun.status)
          ? res.data!.syncRun
          : undefined;
      },
      { timeoutMs: 60_000, what: 'the run to finish' },
    );
  }

  const plannerTables = async () =>
    (
      await wh.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'syncline_planner'`,
      )
    ).rows.map((r) => r.table_name as string);

  it('runs an in-warehouse sync end to end, reports warnings and asks for a full resync after a mapping change', async () => {
    const bad = await mutate('createSource', 'CreateSourceInput', {
      name: 'Bad',
      type: 'postgres',
      config: pgConnectorConfig(warehouse.url),
      cdcEngine: 'lightning',
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');

    const source = await mutate<{ id: string; cdcEngine: string }>(
      'createSource',
      'CreateSourceInput',
      {
        name: 'Warehouse',
        type: 'postgres',
        config: pgConnectorConfig(warehouse.url),
        cdcEngine: 'in-warehouse',
      },
      'id cdcEngine',
    );
    expect(source.data!.createSource!.cdcEngine).toBe('in-warehouse');
    const model = await mutate<{ id: string }>('createModel', 'CreateModelInput', {
      name: 'Customers',
      sourceId: source.data!.createSource!.id,
      sql: 'SELECT id, email, plan FROM customers',
      primaryKey: 'id',
    });
    const destination = await mutate<{ id: string }>('createDestination', 'CreateDestinationInput', {
      name: 'CRM',
      type: 'postgres',
      config: pgConnectorConfig(warehouse.url),
    });
    const sync = await mutate<{ id: string; duplicateKeyPolicy: string; fullResyncRequired: boolean }>(
      'createSync',
      'CreateSyncInput',
      {
        name: 'Customers → CRM',
        modelId: model.data!.createModel!.id,
        destinationId: destination.data!.createDestination!.id,
        destinationObject: 'crm',
        mode: 'mirror',
        mapping,
      },
      'id duplicateKeyPolicy fullResyncRequired',
    );
    expect(sync.data!.createSync).toMatchObject({ duplicateKeyPolicy: 'exclude', fullResyncRequired: false });
    const syncId = sync.data!.createSync!.id;

    const first = await run(syncId);
    expect(first).toMatchObject({
      status: 'success',
      counts: { planned: { added: 40, changed: 0, removed: 0 } },
    });
    expect(await plannerTables()).toEqual([`snap_${syncId.replace(/-/g, '')}`]);

    await wh.query(`INSERT INTO customers VALUES (3, 'twin@example.com', 'pro')`);
    await wh.query(`UPDATE customers SET plan = 'pro' WHERE id = 10`);
    const second = await run(syncId);
    expect(second.status).toBe('warning');
    expect(second.skippedRows).toBe(2);
    expect(second.warnings).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_PRIMARY_KEY', details: { count: 2, sampleKeys: ['3'] } }),
    ]);
    expect(second.counts.planned).toEqual({ added: 0, changed: 1, removed: 0 });

    const updated = await mutate<{ fullResyncRequired: boolean; fullResyncReason: string }>(
      'updateSync',
      'UpdateSyncInput',
      { id: syncId, mapping: mapping.slice(0, 2) },
      'fullResyncRequired fullResyncReason',
    );
    expect(updated.data!.updateSync!.fullResyncRequired).toBe(true);
    expect(updated.data!.updateSync!.fullResyncReason).toMatch(/full resync/);

    const resync = await run(syncId, true);
    expect(resync.counts.planned.added).toBe(39);
    const after = await gql<{ sync: { fullResyncRequired: boolean } }>(
      `query($id: ID!) { sync(id: $id) { fullResyncRequired } }`,
      {
        id: syncId,
      },
    );
    expect(after.data!.sync.fullResyncRequired).toBe(false);

    const deleted = await gql(`mutation($id: ID!) { deleteSync(id: $id) { id } }`, { id: syncId });
    expect(deleted.errors).toBeUndefined();
    expect(await plannerTables()).toEqual([]);
  });
});
