/**
 * One sync run per source through the real Temporal dev server into the Postgres destination: MariaDB,
 * a DuckDB file, Snowflake (fakesnow behind the JSON-rowset adapter) and a dbt model built by real dbt on
 * Postgres. Bad models (invalid SQL, a primary key that is not a column) fail their run with a specific
 * error while the worker keeps serving the next run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Fakesnow, startFakesnow } from '@syncline/connectors/testing/fakesnow/start-fakesnow';
import { seedSnowflake } from '@syncline/connectors/testing/fakesnow/seed-snowflake';
import { mariadbAdmin, mariadbAdminConfig } from '@syncline/connectors/testing/mariadb-test-config';
import { snowflakeSourceSpec } from '@syncline/connectors/sources/snowflake';
import { findDbtModel, loadDbtManifest, resolveModel } from '@syncline/models';
import {
  buildDbtProject,
  createEmptyDatabase,
  pgConnectorConfig,
  type TestDatabase,
} from '@syncline/testing';
import { Client } from 'pg';
import { WorkflowFailedError } from '@temporalio/client';
import { useSyncTestBed } from './helpers/sync-test-bed';

const ROWS = 40;
const mapping = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'plan', to: 'plan' },
];

describe('sync runs from every source (Temporal → Postgres destination)', () => {
  // The test bed's warehouse database holds the destination tables here.
  const bed = useSyncTestBed();
  let table = 0;

  async function syncInto(
    source: { type: string; config: Record<string, unknown> },
    sql: string,
    primaryKey = 'id',
  ) {
    table += 1;
    const destinationObject = `crm_${table}`;
    await bed.wh.query(
      `CREATE TABLE ${destinationObject} (customer_id text PRIMARY KEY, email text NOT NULL, plan text)`,
    );
    const fx = await bed.builder.sync({
      source,
      model: { sql, primaryKey },
      destination: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      sync: { mode: 'mirror', mapping, destinationObject },
    });
    return { ...fx, destinationObject };
  }

  const delivered = async (destinationObject: string) =>
    (
      await bed.wh.query(
        `SELECT customer_id, email, plan FROM ${destinationObject} ORDER BY customer_id::int`,
      )
    ).rows;

  async function failedRun(syncId: string): Promise<{ error_code: string; error_message: string }> {
    await expect((await bed.worker.startRun(syncId)).result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const { rows } = await bed.worker.pool.query(
      `SELECT status, error_code, error_message FROM sync_run WHERE sync_id = $1 ORDER BY seq DESC LIMIT 1`,
      [syncId],
    );
    expect(rows[0].status).toBe('failed');
    return rows[0];
  }

  describe('MariaDB', () => {
    const database = `sl_e2e_${randomBytes(4).toString('hex')}`;
    const source = () => ({ type: 'mysql', config: { ...mariadbAdminConfig(), database } });

    beforeAll(async () => {
      await mariadbAdmin(`CREATE DATABASE ${database}`);
      await mariadbAdmin(
        `CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(100), plan VARCHAR(20))`,
        database,
      );
      await mariadbAdmin(
        `INSERT INTO customers SELECT seq, CONCAT('user', seq, '@example.com'), IF(seq % 3 = 0, 'pro', 'free') FROM seq_1_to_${ROWS}`,
        database,
      );
    });
    afterAll(() => mariadbAdmin(`DROP DATABASE IF EXISTS ${database}`));

    it('delivers every row, then only the change', async () => {
      const fx = await syncInto(source(), 'SELECT id, email, plan FROM customers');
      const first = await bed.worker.runToCompletion(fx.syncId);
      expect(first.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });
      expect((await delivered(fx.destinationObject))[2]).toEqual({
        customer_id: '3',
        email: 'user3@example.com',
        plan: 'pro',
      });
      await mariadbAdmin(`UPDATE customers SET plan = 'enterprise' WHERE id = 5`, database);
      const second = await bed.worker.runToCompletion(fx.syncId);
      expect(second.counts.succeeded).toEqual({ added: 0, changed: 1, removed: 0 });
    });

    it('fails a run with invalid SQL as INVALID_QUERY, and the worker serves the next run', async () => {
      const bad = await syncInto(source(), 'SELECT id, email, plan FROM no_such_table');
      expect((await failedRun(bad.syncId)).error_code).toBe('INVALID_QUERY');
      const good = await syncInto(source(), 'SELECT id, email, plan FROM customers');
      expect((await bed.worker.runToCompletion(good.syncId)).status).toBe('success');
    });
  });

  describe('DuckDB file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-e2e-duckdb-'));
    const path = join(dir, 'demo.duckdb');

    beforeAll(async () => {
      const instance = await DuckDBInstance.create(path);
      const connection = await instance.connect();
      await connection.run(`CREATE TABLE customers AS
        SELECT i AS id, 'user' || i || '@example.com' AS email, CASE WHEN i % 3 = 0 THEN 'pro' ELSE 'free' END AS plan
          FROM range(1, ${ROWS + 1}) t(i)`);
      connection.closeSync();
      instance.closeSync();
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('delivers every row of a table model', async () => {
      const { sql } = await resolveModel('duckdb', {
        kind: 'table',
        table: { schema: 'main', table: 'customers' },
        primaryKey: 'id',
      });
      const fx = await syncInto({ type: 'duckdb', config: { path } }, sql);
      const run = await bed.worker.runToCompletion(fx.syncId);
      expect(run.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });
      expect(await delivered(fx.destinationObject)).toHaveLength(ROWS);
    });

    it('fails a run whose primary key is not a column as PRIMARY_KEY_MISSING', async () => {
      const fx = await syncInto(
        { type: 'duckdb', config: { path } },
        'SELECT id, email, plan FROM customers',
        'nope',
      );
      expect((await failedRun(fx.syncId)).error_code).toBe('PRIMARY_KEY_MISSING');
      expect(await delivered(fx.destinationObject)).toHaveLength(0);
    });
  });

  describe('Snowflake (fakesnow)', () => {
    let fakesnow: Fakesnow;
    const credentials = { user: 'SYNCLINE', password: 'correct-horse' };
    const config = () => ({
      account: 'syncline-test',
      username: credentials.user,
      password: credentials.password,
      database: 'SHOP',
      schema: 'PUBLIC',
      accessUrl: fakesnow.accessUrl,
    });

    beforeAll(async () => {
      fakesnow = await startFakesnow(credentials);
      await seedSnowflake(snowflakeSourceSpec.parse(config()), [
        'CREATE DATABASE IF NOT EXISTS SHOP',
        'CREATE SCHEMA IF NOT EXISTS SHOP.PUBLIC',
        'CREATE TABLE customers (id NUMBER(38,0), email VARCHAR, plan VARCHAR)',
        `INSERT INTO customers VALUES ${Array.from(
          { length: ROWS },
          (_, i) => `(${i + 1}, 'user${i + 1}@example.com', '${(i + 1) % 3 === 0 ? 'pro' : 'free'}')`,
        ).join(', ')}`,
      ]);
    }, 60_000);
    afterAll(async () => fakesnow?.stop());

    it('delivers every row', async () => {
      const fx = await syncInto(
        { type: 'snowflake', config: config() },
        'SELECT id AS "id", email AS "email", plan AS "plan" FROM customers',
      );
      const run = await bed.worker.runToCompletion(fx.syncId);
      expect(run.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });
      expect((await delivered(fx.destinationObject))[0]).toEqual({
        customer_id: '1',
        email: 'user1@example.com',
        plan: 'free',
      });
    });

    it('fails a run with wrong credentials as SOURCE_CONNECTION_FAILED', async () => {
      const fx = await syncInto(
        { type: 'snowflake', config: { ...config(), password: 'wrong' } },
        'SELECT id AS "id", email AS "email", plan AS "plan" FROM customers',
      );
      expect((await failedRun(fx.syncId)).error_code).toBe('SOURCE_CONNECTION_FAILED');
    });
  });

  describe('dbt model on Postgres', () => {
    let warehouse: TestDatabase;
    let cleanup: () => void = () => undefined;

    beforeAll(async () => {
      warehouse = await createEmptyDatabase();
      const wh = new Client({ connectionString: warehouse.url });
      await wh.connect();
      await wh.query(`CREATE SCHEMA raw;
        CREATE TABLE raw.customers (customer_id int, email text, plan text, active boolean);
        INSERT INTO raw.customers SELECT g, 'User' || g || '@Example.com', 'free', g <= ${ROWS} FROM generate_series(1, ${ROWS + 5}) g;`);
      await wh.end();
    }, 120_000);
    afterAll(async () => {
      cleanup();
      await warehouse?.drop();
    });

    it('syncs the model dbt built, keyed by its unique test column', async () => {
      const project = await buildDbtProject(warehouse.url);
      cleanup = project.cleanup;
      const manifest = await loadDbtManifest({ manifestPath: project.manifestPath });
      expect(findDbtModel(manifest, 'model.shop.customers').defaultPrimaryKey).toBe('customer_id');
      const model = await resolveModel('postgres', {
        kind: 'dbt',
        dbt: { manifestPath: project.manifestPath, uniqueId: 'model.shop.customers' },
      });
      expect(model.sql).toBe('SELECT * FROM "' + warehouse.name + '"."analytics"."customers"');
      const fx = await bed.builder.sync({
        source: { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
        model: { sql: model.sql, primaryKey: model.primaryKey },
        destination: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
        sync: {
          mode: 'mirror',
          mapping: [
            { from: 'customer_id', to: 'customer_id' },
            { from: 'email', to: 'email' },
            { from: 'plan', to: 'plan' },
          ],
          destinationObject: 'crm_dbt',
        },
      });
      await bed.wh.query(
        `CREATE TABLE crm_dbt (customer_id text PRIMARY KEY, email text NOT NULL, plan text)`,
      );
      const run = await bed.worker.runToCompletion(fx.syncId);
      expect(run.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });
      expect((await delivered('crm_dbt'))[0]).toEqual({
        customer_id: '1',
        email: 'user1@example.com',
        plan: 'free',
      });
    });
  });
});
