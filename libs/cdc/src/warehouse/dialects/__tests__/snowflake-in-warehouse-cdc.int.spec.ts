/**
 * In-warehouse CDC on Snowflake (fakesnow) end to end at the engine level: the Snowflake session plans in
 * the warehouse, stages only changed rows in the control plane, and commit advances the snapshot there.
 */
import {
  commitInWarehouse,
  planInWarehouse,
  recordOutcomes,
  readStagedChanges,
  warehouseDialect,
} from '../../..';
import {
  ControlPlaneBuilder,
  createControlPlaneDatabase,
  testEncryptionKey,
  type TestDatabase,
} from '@syncline/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type Fakesnow, startFakesnow } from '@syncline/connectors/testing/fakesnow/start-fakesnow';
import { seedSnowflake } from '@syncline/connectors/testing/fakesnow/seed-snowflake';
import { snowflakeSource } from '@syncline/connectors/sources/snowflake/snowflake-source';
import {
  snowflakeSourceSpec,
  type SnowflakeSourceConfig,
} from '@syncline/connectors/sources/snowflake/snowflake-source.config';

const MODEL = 'SELECT id, email, plan FROM WH.PUBLIC.customers';
const mapping = [
  { from: 'ID', to: 'customer_id' },
  { from: 'EMAIL', to: 'email' },
  { from: 'PLAN', to: 'plan' },
];

let fakesnow: Fakesnow;
let config: SnowflakeSourceConfig;
let controlPlane: TestDatabase;
let pool: Pool;
let builder: ControlPlaneBuilder;

beforeAll(async () => {
  fakesnow = await startFakesnow({ user: 'SYNCLINE', password: 'pw' });
  config = snowflakeSourceSpec.parse({
    account: 'syncline-test',
    username: 'SYNCLINE',
    password: 'pw',
    database: 'WH',
    schema: 'PUBLIC',
    accessUrl: fakesnow.accessUrl,
  });
  await seedSnowflake(config, [
    'CREATE DATABASE IF NOT EXISTS WH',
    'CREATE SCHEMA IF NOT EXISTS WH.PUBLIC',
    'CREATE TABLE customers (id NUMBER(38,0), email VARCHAR, plan VARCHAR)',
    "INSERT INTO customers VALUES (1, 'a@x.com', 'free'), (2, 'b@x.com', NULL), (3, 'c@x.com', 'pro')",
  ]);
  controlPlane = await createControlPlaneDatabase();
  pool = new Pool({ connectionString: controlPlane.url, max: 3 });
  builder = await ControlPlaneBuilder.connect(controlPlane.url, testEncryptionKey());
}, 90_000);

afterAll(async () => {
  await builder?.close();
  await pool?.end();
  await controlPlane?.drop();
  await fakesnow?.stop();
});

it('stages only changed rows and advances the warehouse snapshot for accepted rows', async () => {
  const fx = await builder.sync({
    source: { type: 'snowflake', config: {}, cdcEngine: 'in-warehouse' },
    model: { sql: MODEL, primaryKey: 'ID' },
    destination: { type: 'webhook', config: {} },
    sync: { mode: 'mirror', mapping },
  });
  const dialect = warehouseDialect(snowflakeSource.warehouse!.dialect);
  const runOnce = async () => {
    const runId = randomUUID();
    await pool.query(
      `INSERT INTO sync_run (id, workspace_id, sync_id, workflow_id, status, trigger, counts) VALUES ($1, $2, $3, 't', 'querying', 'api', '{}')`,
      [runId, fx.workspaceId, fx.syncId],
    );
    const req = {
      runId,
      syncId: fx.syncId,
      primaryKey: 'ID',
      mapping,
      duplicateKeyPolicy: 'exclude' as const,
      fullResync: false,
      resetCDC: false,
    };
    const session = await snowflakeSource.warehouse!.openSession(config);
    try {
      const outcome = await planInWarehouse(pool, session, dialect, req, MODEL);
      const changes = await readStagedChanges(pool, runId, 0, 1000);
      await recordOutcomes(
        pool,
        runId,
        changes,
        changes.map((c) => ({ key: c.key, status: 'accepted' as const })),
      );
      const counts = await commitInWarehouse(pool, session, dialect, runId, fx.syncId);
      return { outcome, changes, counts };
    } finally {
      await session.close();
    }
  };

  const first = await runOnce();
  expect(first.outcome.planned).toEqual({ added: 3, changed: 0, removed: 0 });
  expect(first.changes.find((c) => c.key === '2')?.fields).toEqual({
    customer_id: 2,
    email: 'b@x.com',
    plan: null,
  });
  expect(first.counts.succeeded.added).toBe(3);

  expect((await runOnce()).outcome.planned).toEqual({ added: 0, changed: 0, removed: 0 });

  await seedSnowflake(config, [
    "UPDATE WH.PUBLIC.customers SET plan = 'team' WHERE id = 1",
    'DELETE FROM WH.PUBLIC.customers WHERE id = 3',
  ]);
  const third = await runOnce();
  expect(Object.fromEntries(third.changes.map((c) => [c.key, c.op]))).toEqual({
    '1': 'changed',
    '3': 'removed',
  });
}, 120_000);
