/**
 * Models over GraphQL for every source kind: discovery (the table picker), previewModel (columns, Syncline
 * types, at most 100 rows) and its specific errors, table and dbt models (a real dbt project built by
 * dbt-core + dbt-postgres), and the full-resync notice when a model's SQL or primary key changes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Fakesnow, startFakesnow } from '@syncline/connectors/testing/fakesnow/start-fakesnow';
import { seedSnowflake } from '@syncline/connectors/testing/fakesnow/seed-snowflake';
import { mariadbAdmin, mariadbAdminConfig } from '@syncline/connectors/testing/mariadb-test-config';
import { snowflakeSourceSpec } from '@syncline/connectors/sources/snowflake';
import {
  buildDbtProject,
  type BuiltDbtProject,
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  type TestDatabase,
} from '@syncline/testing';
import { Client } from 'pg';
import {
  createTestApp,
  errorCode,
  type GraphqlClient,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
} from '../../__tests__/helpers/create-test-app';

jest.setTimeout(120_000);

const CREATE_SOURCE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`;
const DISCOVER = `query($id: ID!) { discoverSource(id: $id) { schema name columns { name type } } }`;
const PREVIEW = `query($input: PreviewModelInput!) { previewModel(input: $input) { columns { name type nativeType } rows primaryKeyFound } }`;
const CREATE_MODEL = `mutation($input: CreateModelInput!) { createModel(input: $input) { id kind sql primaryKey definition } }`;
const UPDATE_MODEL = `mutation($input: UpdateModelInput!) { updateModel(input: $input) { id sql primaryKey fullResyncNeeded { message changed syncs { id name } } } }`;
const DBT_MODELS = `query($input: DbtManifestInput!) { dbtModels(input: $input) { uniqueId name relationName compiledSql defaultPrimaryKey } }`;
const CREATE_DESTINATION = `mutation($input: CreateDestinationInput!) { createDestination(input: $input) { id } }`;
const CREATE_SYNC = `mutation($input: CreateSyncInput!) { createSync(input: $input) { id } }`;

describe('models over GraphQL, for every source', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let app: INestApplication;
  let gql: GraphqlClient;
  let fakesnow: Fakesnow;
  let dbt: BuiltDbtProject;
  const mysqlDatabase = `sl_api_${randomBytes(4).toString('hex')}`;
  const duckDir = mkdtempSync(join(tmpdir(), 'sl-api-duckdb-'));
  const duckPath = join(duckDir, 'shop.duckdb');
  const sources: Record<string, string> = {};
  const snowflakeConfig = () => ({
    account: 'syncline-test',
    username: 'SYNCLINE',
    password: 'correct-horse',
    database: 'SHOP',
    schema: 'PUBLIC',
    accessUrl: fakesnow.accessUrl,
  });

  async function createSource(name: string, type: string, config: Record<string, unknown>): Promise<string> {
    const res = await gql(CREATE_SOURCE, { input: { name, type, config } });
    expect(res.errors).toBeUndefined();
    return res.data!.createSource.id as string;
  }

  beforeAll(async () => {
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    const pg = new Client({ connectionString: warehouse.url });
    await pg.connect();
    await pg.query(`CREATE SCHEMA raw;
      CREATE TABLE raw.customers (customer_id int, email text, plan text, active boolean);
      INSERT INTO raw.customers SELECT g, 'user' || g || '@example.com', 'free', g % 5 <> 0 FROM generate_series(1, 150) g;`);
    await pg.end();

    await mariadbAdmin(`CREATE DATABASE ${mysqlDatabase}`);
    await mariadbAdmin(
      `CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100), vip BOOLEAN)`,
      mysqlDatabase,
    );
    await mariadbAdmin(
      `INSERT INTO customers SELECT seq, CONCAT('u', seq), seq % 2 FROM seq_1_to_150`,
      mysqlDatabase,
    );

    const duck = await DuckDBInstance.create(duckPath);
    const conn = await duck.connect();
    await conn.run(`CREATE TABLE "Customers" AS SELECT i AS id, 'u' || i AS email FROM range(1, 151) t(i)`);
    conn.closeSync();
    duck.closeSync();

    fakesnow = await startFakesnow({ user: 'SYNCLINE', password: 'correct-horse' });
    await seedSnowflake(snowflakeSourceSpec.parse(snowflakeConfig()), [
      'CREATE DATABASE IF NOT EXISTS SHOP',
      'CREATE SCHEMA IF NOT EXISTS SHOP.PUBLIC',
      'CREATE TABLE customers (id NUMBER(38,0), email VARCHAR, score NUMBER(10,2))',
      `INSERT INTO customers VALUES ${Array.from({ length: 150 }, (_, i) => `(${i + 1}, 'u${i + 1}', 1.5)`).join(', ')}`,
    ]);

    dbt = await buildDbtProject(warehouse.url);

    app = await createTestApp(
      testApiConfig({ databaseUrl: controlPlane.url, taskQueue: `models-${randomBytes(4).toString('hex')}` }),
    );
    gql = graphqlClient(app, (await seedWorkspace(app)).apiKey);
    sources.postgres = await createSource('Warehouse', 'postgres', pgConnectorConfig(warehouse.url));
    sources.mysql = await createSource('Shop DB', 'mysql', {
      ...mariadbAdminConfig(),
      database: mysqlDatabase,
    });
    sources.duckdb = await createSource('Demo file', 'duckdb', { path: duckPath });
    sources.snowflake = await createSource('Snowflake', 'snowflake', snowflakeConfig());
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await fakesnow?.stop();
    dbt?.cleanup();
    rmSync(duckDir, { recursive: true, force: true });
    await mariadbAdmin(`DROP DATABASE IF EXISTS ${mysqlDatabase}`);
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  const cases = [
    {
      source: 'mysql',
      table: 'customers',
      sql: 'SELECT id, email, vip FROM customers',
      key: 'id',
      types: ['integer', 'string', 'boolean'],
    },
    {
      source: 'duckdb',
      table: 'Customers',
      sql: 'SELECT id, email FROM "Customers"',
      key: 'id',
      types: ['integer', 'string'],
    },
    {
      source: 'snowflake',
      table: 'CUSTOMERS',
      sql: 'SELECT id, email, score FROM customers',
      key: 'ID',
      types: ['integer', 'string', 'number'],
    },
    {
      source: 'postgres',
      table: 'customers',
      sql: 'SELECT customer_id, email FROM raw.customers',
      key: 'customer_id',
      types: ['integer', 'string'],
    },
  ];

  describe.each(cases)('$source', ({ source, table, sql, key, types }) => {
    it('discovers its tables with typed columns', async () => {
      const res = await gql(DISCOVER, { id: sources[source] });
      expect(res.errors).toBeUndefined();
      expect(res.data!.discoverSource.map((t: { name: string }) => t.name)).toContain(table);
    });

    it('previews the first 100 rows with Syncline column types', async () => {
      const res = await gql(PREVIEW, { input: { sourceId: sources[source], sql, primaryKey: key } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.previewModel.columns.map((c: { type: string }) => c.type)).toEqual(types);
      expect(res.data!.previewModel.rows).toHaveLength(100);
      expect(res.data!.previewModel.primaryKeyFound).toBe(true);
    });

    it('names each bad input with its own error code', async () => {
      const missingKey = await gql(PREVIEW, {
        input: { sourceId: sources[source], sql, primaryKey: 'nope' },
      });
      expect(errorCode(missingKey)).toBe('PRIMARY_KEY_MISSING');
      const empty = await gql(PREVIEW, {
        input: { sourceId: sources[source], sql: `${sql} WHERE 1 = 0`, primaryKey: key },
      });
      expect(errorCode(empty)).toBe('EMPTY_MODEL');
      const invalid = await gql(PREVIEW, {
        input: { sourceId: sources[source], sql: 'SELECT nope FROM nowhere' },
      });
      expect(errorCode(invalid)).toBe('INVALID_QUERY');
    });
  });

  it('reports wrong credentials and an unreachable host as SOURCE_CONNECTION_FAILED', async () => {
    const wrong = await createSource('Wrong', 'mysql', {
      ...mariadbAdminConfig(),
      database: mysqlDatabase,
      user: 'sl_nobody',
      password: 'x',
    });
    const res = await gql(PREVIEW, { input: { sourceId: wrong, sql: 'SELECT 1 AS id' } });
    expect(errorCode(res)).toBe('SOURCE_CONNECTION_FAILED');
    const gone = await createSource('Gone', 'snowflake', {
      ...snowflakeConfig(),
      accessUrl: 'http://127.0.0.1:1',
      connectTimeoutMs: 2000,
    });
    expect(errorCode(await gql(PREVIEW, { input: { sourceId: gone, sql: 'SELECT 1' } }))).toBe(
      'SOURCE_CONNECTION_FAILED',
    );
  });

  it('creates a table model with the name quoted for the dialect', async () => {
    const res = await gql(CREATE_MODEL, {
      input: {
        name: 'Customers',
        sourceId: sources.mysql,
        kind: 'table',
        table: { schema: mysqlDatabase, table: 'customers' },
        primaryKey: 'id',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createModel).toMatchObject({
      kind: 'table',
      sql: `SELECT * FROM \`${mysqlDatabase}\`.\`customers\``,
      definition: { kind: 'table', schema: mysqlDatabase, table: 'customers' },
    });
    const noKey = await gql(CREATE_MODEL, {
      input: {
        name: 'No key',
        sourceId: sources.mysql,
        kind: 'table',
        table: { schema: mysqlDatabase, table: 'customers' },
      },
    });
    expect(errorCode(noKey)).toBe('PRIMARY_KEY_MISSING');
  });

  it('lists dbt models with the unique-test column as default key, by path or uploaded', async () => {
    const byPath = await gql(DBT_MODELS, { input: { manifestPath: dbt.manifestPath } });
    expect(byPath.errors).toBeUndefined();
    expect(byPath.data!.dbtModels).toEqual([
      expect.objectContaining({
        uniqueId: 'model.shop.customers',
        name: 'customers',
        relationName: `"${warehouse.name}"."analytics"."customers"`,
        defaultPrimaryKey: 'customer_id',
        compiledSql: expect.stringContaining('"raw"."customers"'),
      }),
    ]);
    const uploaded = await gql(DBT_MODELS, {
      input: { manifestJson: readFileSync(dbt.manifestPath, 'utf8') },
    });
    expect(uploaded.data!.dbtModels[0].uniqueId).toBe('model.shop.customers');
    expect(errorCode(await gql(DBT_MODELS, { input: { manifestJson: '{"nope": 1}' } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('creates a dbt model keyed by its unique test, and tells which syncs need a full resync after edits', async () => {
    const created = await gql(CREATE_MODEL, {
      input: {
        name: 'dbt customers',
        sourceId: sources.postgres,
        kind: 'dbt',
        dbt: { manifestPath: dbt.manifestPath, uniqueId: 'model.shop.customers', use: 'compiled' },
      },
    });
    expect(created.errors).toBeUndefined();
    const model = created.data!.createModel;
    expect(model).toMatchObject({ kind: 'dbt', primaryKey: 'customer_id' });
    const preview = await gql(PREVIEW, { input: { modelId: model.id } });
    expect(preview.data!.previewModel.rows).toHaveLength(100);

    const destination = await gql(CREATE_DESTINATION, {
      input: { name: 'CRM', type: 'postgres', config: pgConnectorConfig(warehouse.url) },
    });
    const sync = await gql(CREATE_SYNC, {
      input: {
        name: 'Customers → CRM',
        modelId: model.id,
        destinationId: destination.data!.createDestination.id,
        destinationObject: 'crm',
        mode: 'upsert',
        mapping: [{ from: 'email', to: 'email' }],
      },
    });
    expect(sync.errors).toBeUndefined();

    const renamed = await gql(UPDATE_MODEL, { input: { id: model.id, name: 'Renamed' } });
    expect(renamed.data!.updateModel.fullResyncNeeded).toBeNull();

    const rekeyed = await gql(UPDATE_MODEL, {
      input: { id: model.id, kind: 'sql', sql: 'SELECT email FROM analytics.customers', primaryKey: 'email' },
    });
    expect(rekeyed.errors).toBeUndefined();
    expect(rekeyed.data!.updateModel.fullResyncNeeded).toEqual({
      changed: ['sql', 'primaryKey'],
      syncs: [{ id: sync.data!.createSync.id, name: 'Customers → CRM' }],
      message: expect.stringContaining('full resync'),
    });
  });
});
