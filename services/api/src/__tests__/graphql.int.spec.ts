import type { INestApplication } from '@nestjs/common';
import { syncRunWorkflowId } from '@syncline/contracts';
import { createControlPlaneDatabase, createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DestinationTypeKey, SourceTypeKey, SyncIdKey } from '../temporal/search-attributes';
import {
  createTestApp,
  errorCode,
  type GraphqlClient,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
} from './helpers/create-test-app';
import { startFakePostgresAuth } from './helpers/fake-postgres-auth';

const PASSWORD = `pw-${randomBytes(8).toString('hex')}`;
const TASK_QUEUE = `api-test-${randomBytes(4).toString('hex')}`;

const CREATE_SOURCE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id name type } }`;
const CREATE_MODEL = `mutation($input: CreateModelInput!) { createModel(input: $input) { id primaryKey } }`;
const CREATE_SYNC = `mutation($input: CreateSyncInput!) { createSync(input: $input) { id mode mapping } }`;
const PREVIEW = `query($input: PreviewModelInput!) {
  previewModel(input: $input) { columns { name type nativeType } rows primaryKeyFound } }`;
const RUN_SYNC = `mutation($input: RunSyncInput!) { runSync(input: $input) { id syncId status trigger counts { planned { added } } } }`;

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

// Project-level testTimeout does not apply per project in jest 30; set it for this file.
jest.setTimeout(60_000);

describe('GraphQL API', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let app: INestApplication;
  let gql: GraphqlClient;
  let temporal: TemporalClient;
  let warehouseConfig: Record<string, unknown>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    await sql(
      warehouse.url,
      `CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, plan text, signed_up_at timestamptz);
       INSERT INTO customers SELECT i, 'user' || i || '@example.com', CASE WHEN i % 2 = 0 THEN 'pro' END, now()
       FROM generate_series(1, 150) AS i;`,
    );
    const url = new URL(warehouse.url);
    warehouseConfig = {
      host: url.hostname,
      port: Number(url.port || 5432),
      database: warehouse.name,
      user: decodeURIComponent(url.username),
      password: PASSWORD,
    };
    const config = testApiConfig({ databaseUrl: controlPlane.url, taskQueue: TASK_QUEUE });
    app = await createTestApp(config);
    gql = graphqlClient(app, (await seedWorkspace(app)).apiKey);
    temporal = new TemporalClient({
      connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS }),
    });
  });

  afterAll(async () => {
    if (ids.sync) {
      await temporal.workflow
        .getHandle(syncRunWorkflowId(ids.sync!))
        .terminate('test over')
        .catch(() => undefined);
    }
    await temporal?.connection.close();
    await app?.close();
    await controlPlane?.drop();
    await warehouse?.drop();
  });

  describe('authentication', () => {
    it('rejects a request without an API key', async () => {
      const res = await graphqlClient(app)('{ sources { id } }');
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0]?.message).toBe("Send a workspace API key as 'Authorization: Bearer <key>'");
    });

    it('rejects an unknown API key', async () => {
      const res = await graphqlClient(app, 'sl_not-a-real-key')('{ sources { id } }');
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    });
  });

  describe('sources', () => {
    it('creates a Postgres source and stores its password encrypted', async () => {
      const res = await gql(CREATE_SOURCE, {
        input: { name: 'Warehouse', type: 'postgres', config: warehouseConfig },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createSource).toMatchObject({ name: 'Warehouse', type: 'postgres' });
      expect(res.text).not.toContain(PASSWORD);
      ids.source = res.data?.createSource.id;

      const rows = await sql(
        controlPlane.url,
        `SELECT row_to_json(s)::text AS row, config_encrypted FROM source s`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.row).not.toContain(PASSWORD);
      expect(rows[0]?.config_encrypted).toMatch(/^v1:/);
    });

    it('has no config field: selecting it fails validation and the body never holds the password', async () => {
      const res = await gql(`{ source(id: "${ids.source}") { id config } }`);
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.text).not.toContain(PASSWORD);
      const list = await gql(`{ sources { id name type createdAt updatedAt } }`);
      expect(list.data?.sources).toHaveLength(1);
      expect(list.text).not.toContain(PASSWORD);
    });

    it('rejects a config without a host, naming the field', async () => {
      const { host: _host, ...withoutHost } = warehouseConfig;
      const res = await gql(CREATE_SOURCE, {
        input: { name: 'Broken', type: 'postgres', config: withoutHost },
      });
      expect(errorCode(res)).toBe('INVALID_CONFIG');
      expect(res.errors?.[0]?.message).toContain('host');
      expect(res.text).not.toContain(PASSWORD);
    });

    it('tests a reachable source', async () => {
      const res = await gql(`{ testSource(id: "${ids.source}") { ok message } }`);
      expect(res.data?.testSource.ok).toBe(true);
    });

    it('reports a wrong password without echoing it', async () => {
      const fake = await startFakePostgresAuth();
      try {
        const wrong = `wrong-${PASSWORD}`;
        const created = await gql(CREATE_SOURCE, {
          input: {
            name: 'Wrong password',
            type: 'postgres',
            config: { ...warehouseConfig, port: fake.port, password: wrong },
          },
        });
        const res = await gql(`{ testSource(id: "${created.data?.createSource.id}") { ok message } }`);
        expect(res.data?.testSource.ok).toBe(false);
        expect(res.data?.testSource.message).toMatch(/password/i);
        expect(res.text).not.toContain(wrong);
        await gql(`mutation { deleteSource(id: "${created.data?.createSource.id}") { id } }`);
      } finally {
        await fake.close();
      }
    });

    it('merges a config patch into the stored config, so secrets need not be resent', async () => {
      const res = await gql(
        `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { id name } }`,
        {
          input: { id: ids.source, name: 'Warehouse (renamed)', config: { port: warehouseConfig.port } },
        },
      );
      expect(res.data?.updateSource.name).toBe('Warehouse (renamed)');
      const check = await gql(`{ testSource(id: "${ids.source}") { ok } }`);
      expect(check.data?.testSource.ok).toBe(true);
    });
  });

  describe('models', () => {
    it('requires a primary key', async () => {
      const res = await gql(CREATE_MODEL, {
        input: { name: 'Customers', sourceId: ids.source, sql: 'SELECT * FROM customers', primaryKey: '' },
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('primaryKey');
    });

    it('creates a model', async () => {
      const res = await gql(CREATE_MODEL, {
        input: {
          name: 'Customers',
          sourceId: ids.source,
          sql: 'SELECT * FROM customers ORDER BY id',
          primaryKey: 'id',
        },
      });
      expect(res.errors).toBeUndefined();
      ids.model = res.data?.createModel.id;
    });

    it('previews at most 100 rows with column types', async () => {
      const res = await gql(PREVIEW, { input: { modelId: ids.model } });
      expect(res.errors).toBeUndefined();
      const preview = res.data?.previewModel;
      expect(preview.columns).toEqual([
        { name: 'id', type: 'integer', nativeType: expect.any(String) },
        { name: 'email', type: 'string', nativeType: expect.any(String) },
        { name: 'plan', type: 'string', nativeType: expect.any(String) },
        { name: 'signed_up_at', type: 'timestamp', nativeType: expect.any(String) },
      ]);
      expect(preview.rows).toHaveLength(100);
      expect(preview.rows[0]).toMatchObject({ id: 1, email: 'user1@example.com' });
      expect(preview.primaryKeyFound).toBe(true);
    });

    it('rejects a preview whose primary key is not a result column', async () => {
      const res = await gql(PREVIEW, {
        input: { sourceId: ids.source, sql: 'SELECT email FROM customers', primaryKey: 'id' },
      });
      expect(errorCode(res)).toBe('PRIMARY_KEY_MISSING');
      expect(res.errors?.[0]?.message).toBe(
        'primary key column id is not in the query result (columns: email)',
      );
    });
  });

  describe('destinations and syncs', () => {
    it('creates and tests a Postgres destination', async () => {
      const res = await gql(
        `mutation($input: CreateDestinationInput!) { createDestination(input: $input) { id type } }`,
        { input: { name: 'Replica', type: 'postgres', config: warehouseConfig } },
      );
      expect(res.errors).toBeUndefined();
      ids.destination = res.data?.createDestination.id;
      const check = await gql(`{ testDestination(id: "${ids.destination}") { ok message } }`);
      expect(check.data?.testDestination.ok).toBe(true);
    });

    it("shows the connector's default rate limit, takes an override, refuses a bad one, and resets it", async () => {
      const fields = 'id rateLimit { requests perMs concurrency } rateLimitIsDefault';
      const created = await gql(
        `mutation($input: CreateDestinationInput!) { createDestination(input: $input) { ${fields} } }`,
        { input: { name: 'Limited', type: 'postgres', config: warehouseConfig } },
      );
      expect(created.data?.createDestination).toMatchObject({
        rateLimit: { requests: 1000, perMs: 1000, concurrency: 4 },
        rateLimitIsDefault: true,
      });
      const id = created.data?.createDestination.id as string;
      const update = (rateLimit: unknown) =>
        gql(`mutation($input: UpdateDestinationInput!) { updateDestination(input: $input) { ${fields} } }`, {
          input: { id, rateLimit },
        });
      const limited = await update({ requests: 5, perMs: 1000, concurrency: 1 });
      expect(limited.data?.updateDestination).toMatchObject({
        rateLimit: { requests: 5, perMs: 1000, concurrency: 1 },
        rateLimitIsDefault: false,
      });
      const bad = await update({ requests: 0, perMs: 1000, concurrency: 1 });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad.errors)).toContain('requests');
      const reset = await update(null);
      expect(reset.data?.updateDestination.rateLimitIsDefault).toBe(true);
    });

    it('rejects an unknown mode and a mapping that writes one field twice', async () => {
      const base = { name: 'Customers → replica', modelId: ids.model, destinationId: ids.destination };
      const badMode = await gql(CREATE_SYNC, {
        input: { ...base, mode: 'merge', mapping: [{ from: 'email', to: 'email' }] },
      });
      expect(errorCode(badMode)).toBe('BAD_USER_INPUT');
      expect(badMode.errors?.[0]?.message).toContain('mode must be one of insert, update, upsert, mirror');

      const twice = [
        { from: 'email', to: 'email' },
        { static: 'x', to: 'email' },
      ];
      const badMapping = await gql(CREATE_SYNC, { input: { ...base, mode: 'upsert', mapping: twice } });
      expect(errorCode(badMapping)).toBe('INVALID_MAPPING');
      expect(badMapping.errors?.[0]?.message).toContain('"email" is mapped more than once');
    });

    it('creates a sync', async () => {
      const res = await gql(CREATE_SYNC, {
        input: {
          name: 'Customers → replica',
          modelId: ids.model,
          destinationId: ids.destination,
          destinationObject: 'customers_copy',
          mode: 'upsert',
          mapping: [
            { from: 'id', to: 'id' },
            { from: 'email', to: 'email' },
            { static: 'syncline', to: 'origin' },
          ],
        },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createSync.mapping).toHaveLength(3);
      ids.sync = res.data?.createSync.id;
    });

    it('refuses to delete a source a model uses, naming the model', async () => {
      const res = await gql(`mutation { deleteSource(id: "${ids.source}") { id } }`);
      expect(errorCode(res)).toBe('IN_USE');
      expect(res.errors?.[0]?.message).toContain('Customers');
    });
  });

  describe('workspace isolation', () => {
    it("hides one workspace's records from another workspace's key", async () => {
      const other = graphqlClient(app, (await seedWorkspace(app, 'Other')).apiKey);
      expect(errorCode(await other(`{ source(id: "${ids.source}") { id } }`))).toBe('NOT_FOUND');
      expect(errorCode(await other(`{ sync(id: "${ids.sync}") { id } }`))).toBe('NOT_FOUND');
      expect((await other('{ sources { id } }')).data?.sources).toEqual([]);
      expect(errorCode(await other(RUN_SYNC, { input: { syncId: ids.sync } }))).toBe('NOT_FOUND');
    });
  });

  describe('sync runs', () => {
    const PAGE = `query($syncId: ID!, $after: String) { syncRuns(syncId: $syncId, first: 20, after: $after) {
      edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }`;

    it('returns a well-formed empty connection before any run', async () => {
      const res = await gql(PAGE, { syncId: ids.sync });
      expect(res.data?.syncRuns).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    // A second trigger during the run is queued behind it; the workflow answers that, so it needs a worker:
    // see sync-run/__tests__/run-queue.int.spec.ts. This file runs no worker.
    it('starts workflow sync-<id> with search attributes and memo, without waiting for a worker', async () => {
      const first = await gql(RUN_SYNC, { input: { syncId: ids.sync } });
      expect(first.errors).toBeUndefined();
      expect(first.data?.runSync).toMatchObject({ syncId: ids.sync, status: 'queued', trigger: 'manual' });
      const runId: string = first.data?.runSync.id;

      const description = await temporal.workflow.getHandle(syncRunWorkflowId(ids.sync!)).describe();
      expect(description.type).toBe('syncRun');
      expect(description.taskQueue).toBe(TASK_QUEUE);
      expect(description.typedSearchAttributes.get(SyncIdKey)).toBe(ids.sync);
      expect(description.typedSearchAttributes.get(SourceTypeKey)).toBe('postgres');
      expect(description.typedSearchAttributes.get(DestinationTypeKey)).toBe('postgres');
      // The trigger chose the run id; the memo names the run this execution runs.
      expect(description.memo).toEqual({ syncName: 'Customers → replica', runId });

      const page = await gql(PAGE, { syncId: ids.sync });
      expect(page.data?.syncRuns.edges.map((e: any) => e.node.id)).toEqual([runId]);
      expect(page.data?.syncRuns.pageInfo.hasNextPage).toBe(false);
      const after = await gql(PAGE, { syncId: ids.sync, after: page.data?.syncRuns.pageInfo.endCursor });
      expect(after.data?.syncRuns.edges).toEqual([]);

      const run = await gql(`{ syncRun(id: "${runId}") { id rows(first: 10) { key } error { code } } }`);
      expect(run.data?.syncRun).toEqual({ id: runId, rows: [], error: null });
    });

    it('rejects a malformed cursor', async () => {
      const res = await gql(PAGE, { syncId: ids.sync, after: 'bm9wZQ==' });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });

    it('requests cancellation of a running run and refuses to cancel a finished one', async () => {
      const runs = await sql(controlPlane.url, `SELECT id FROM sync_run WHERE sync_id = '${ids.sync}'`);
      const runId = String(runs[0]?.id);
      const cancelled = await gql(`mutation { cancelSyncRun(runId: "${runId}") { id } }`);
      expect(cancelled.errors).toBeUndefined();
      const history = await temporal.workflow.getHandle(syncRunWorkflowId(ids.sync!)).fetchHistory();
      expect(history.events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes)).toBe(true);

      await sql(controlPlane.url, `UPDATE sync_run SET status = 'success' WHERE id = '${runId}'`);
      const again = await gql(`mutation { cancelSyncRun(runId: "${runId}") { id } }`);
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
      expect(again.errors?.[0]?.message).toBe('run already finished');
    });
  });
});
