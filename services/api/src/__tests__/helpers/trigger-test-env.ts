/**
 * Shared setup of the trigger tests: a control plane, a warehouse database, the API, a real worker on a
 * unique task queue (same dev server) and a builder for Postgres → Postgres syncs created over GraphQL.
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
  graphqlClient,
  seedWorkspace,
  testApiConfig,
  type GraphqlClient,
  type SeededWorkspace,
} from './create-test-app';

export interface TriggerTestEnv {
  app: INestApplication;
  gql: GraphqlClient;
  workspace: SeededWorkspace;
  worker: TestWorker;
  warehouse: PgClient;
  taskQueue: string;
  /** Creates a table of `rows` customers and a sync of it into a fresh target table; returns the sync id. */
  createSync(options?: {
    rows?: number;
    nullEmails?: number[];
    slowSeconds?: number;
    schedule?: Record<string, unknown>;
    name?: string;
  }): Promise<string>;
  /** sync_run rows of a sync, oldest first. */
  runsOf(
    syncId: string,
  ): Promise<
    { id: string; status: string; trigger: string; started_at: Date | null; finished_at: Date | null }[]
  >;
  waitForRunsToFinish(syncId: string, count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const TERMINAL = ['success', 'warning', 'failed', 'cancelled'];

export async function startTriggerTestEnv(prefix: string): Promise<TriggerTestEnv> {
  const encryptionKey = testEncryptionKey();
  const taskQueue = `${prefix}-${randomBytes(4).toString('hex')}`;
  const controlPlane: TestDatabase = await createControlPlaneDatabase();
  const warehouseDb: TestDatabase = await createEmptyDatabase();
  const warehouse = new PgClient({ connectionString: warehouseDb.url });
  await warehouse.connect();
  const app = await createTestApp(testApiConfig({ databaseUrl: controlPlane.url, taskQueue, encryptionKey }));
  const workspace = await seedWorkspace(app);
  const gql = graphqlClient(app, workspace.apiKey);
  const worker = await startTestWorker(controlPlane.url, encryptionKey, taskQueue);
  let n = 0;

  const create = async (kind: string, input: Record<string, unknown>): Promise<string> => {
    const res = await gql<Record<string, { id: string }>>(
      `mutation($input: Create${kind}Input!) { create${kind}(input: $input) { id } }`,
      { input },
    );
    if (res.errors) throw new Error(`create${kind}: ${JSON.stringify(res.errors)}`);
    return res.data![`create${kind}`]!.id;
  };

  const runsOf: TriggerTestEnv['runsOf'] = async (syncId) =>
    (
      await worker.pool.query(
        'SELECT id, status, trigger, started_at, finished_at FROM sync_run WHERE sync_id = $1 ORDER BY seq',
        [syncId],
      )
    ).rows;

  return {
    app,
    gql,
    workspace,
    worker,
    warehouse,
    taskQueue,
    runsOf,
    async createSync({ rows = 10, nullEmails = [], slowSeconds = 0, schedule, name } = {}) {
      n += 1;
      const table = `customers_${n}`;
      const target = `crm_${n}`;
      await warehouse.query(`CREATE TABLE ${table} (id int PRIMARY KEY, email text, plan text);
        INSERT INTO ${table} SELECT g, 'c' || g || '@example.com', 'free' FROM generate_series(1, ${rows}) g;
        CREATE TABLE ${target} (customer_id int PRIMARY KEY, email text NOT NULL, plan text);`);
      if (nullEmails.length)
        await warehouse.query(`UPDATE ${table} SET email = NULL WHERE id = ANY($1)`, [nullEmails]);
      const config = pgConnectorConfig(warehouseDb.url);
      const sourceId = await create('Source', { name: `Warehouse ${n}`, type: 'postgres', config });
      // pg_sleep keeps a run going long enough for the overlap tests to trigger during it.
      const sql = slowSeconds
        ? `SELECT id, email, plan FROM ${table} CROSS JOIN pg_sleep(${slowSeconds})`
        : `SELECT id, email, plan FROM ${table}`;
      const modelId = await create('Model', { name: `Customers ${n}`, sourceId, sql, primaryKey: 'id' });
      const destinationId = await create('Destination', { name: `CRM ${n}`, type: 'postgres', config });
      return create('Sync', {
        name: name ?? `Customers to CRM ${n}`,
        modelId,
        destinationId,
        destinationObject: target,
        mode: 'upsert',
        mapping: [
          { from: 'id', to: 'customer_id' },
          { from: 'email', to: 'email' },
          { from: 'plan', to: 'plan' },
        ],
        ...(schedule ? { schedule } : {}),
      });
    },
    async waitForRunsToFinish(syncId, count, timeoutMs = 60_000) {
      await waitFor(
        async () => {
          const runs = await runsOf(syncId);
          return runs.length >= count && runs.every((r) => TERMINAL.includes(r.status)) ? true : undefined;
        },
        { timeoutMs, what: `${count} finished run(s) of sync ${syncId}` },
      );
    },
    async close() {
      await worker?.stop();
      await app?.close();
      await warehouse?.end();
      await warehouseDb?.drop();
      await controlPlane?.drop();
    },
  };
}
