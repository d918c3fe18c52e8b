/**
 * Prepares the control plane for `npm start` (run by scripts/start.mjs through `node -r @swc-node/register`):
 * applies pending migrations, then seeds the demo idempotently —
 *  - in database `demo_warehouse` (same server as DATABASE_URL): `demo.customers` with 5,000 generated rows
 *    playing the warehouse, and `public.crm_contacts` playing the destination;
 *  - in the control plane: workspace "Demo" (API key kept in DEMO_API_KEY_FILE), source "Demo warehouse",
 *    model "Customers", destination "Demo CRM table" and sync "Customers → CRM";
 *  - Customer Studio (scripts/lib/seed-customer-studio.ts): orders and page views, the schema, two traits and
 *    the audience "Pricing-page buyers" split 80/20, its treatment group synced to `public.crm_audience`.
 * Re-running updates those records in place (the embedded Postgres port may change between starts) and never
 * touches the warehouse rows again, so edits made to try CDC survive restarts.
 * Prints one JSON line on stdout: {"workspaceId": …, "syncId": …, "audienceSyncId": …}.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { type DeepPartial, type EntityManager, type EntityTarget } from 'typeorm';
import { generateApiKey, hashApiKey, SecretBox } from '@syncline/crypto';
import {
  createDataSource,
  DestinationEntity,
  migrate,
  ModelEntity,
  SourceEntity,
  SyncEntity,
  WorkspaceEntity,
} from '@syncline/db';
import type { FieldMapping } from '@syncline/domain';
import { postgresSource } from '@syncline/connectors/sources/postgres';
import { seedCustomerStudio } from './lib/seed-customer-studio';

const DEMO_DATABASE = 'demo_warehouse';
const CUSTOMER_ROWS = 5000;

const MAPPING: FieldMapping[] = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'full_name', to: 'full_name' },
  { from: 'plan', to: 'plan' },
];

// Deterministic data: every fresh demo has the same 5,000 customers.
const WAREHOUSE_SQL = `
  CREATE SCHEMA IF NOT EXISTS demo;
  CREATE TABLE IF NOT EXISTS demo.customers (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    plan text NOT NULL,
    lifetime_value numeric(12, 2) NOT NULL,
    updated_at timestamptz NOT NULL
  );
  INSERT INTO demo.customers (id, email, first_name, last_name, plan, lifetime_value, updated_at)
  SELECT g,
         'customer' || g || '@example.com',
         (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken','Margaret','Dennis',
                'Radia','Tim','Hedy','Linus','Katherine','John','Sophie','Guido','Anita','Bjarne'])[1 + g % 20],
         (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson','Hamilton','Ritchie',
                'Perlman','Berners-Lee','Lamarr','Torvalds','Johnson','Backus','Wilson','van Rossum','Borg',
                'Stroustrup'])[1 + (g * 7) % 20],
         (ARRAY['free','free','starter','pro','enterprise'])[1 + (g * 3) % 5],
         round(((g * 7919) % 250000) / 100.0, 2),
         timestamptz '2025-01-01 00:00:00+00' + (g % 365) * interval '1 day' + (g % 24) * interval '1 hour'
  FROM generate_series(1, ${CUSTOMER_ROWS}) AS g
  WHERE NOT EXISTS (SELECT 1 FROM demo.customers);
  CREATE TABLE IF NOT EXISTS public.crm_contacts (
    customer_id bigint PRIMARY KEY,
    email text,
    full_name text,
    plan text
  );
  -- Customer Studio demo: orders and page views of the customers, and the CRM table the audience syncs to.
  CREATE TABLE IF NOT EXISTS demo.orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount numeric(10, 2) NOT NULL,
    ordered_at timestamptz NOT NULL
  );
  INSERT INTO demo.orders (id, customer_id, amount, ordered_at)
  SELECT g, 1 + (g * 7919) % ${CUSTOMER_ROWS}, round(((g * 104729) % 20000) / 100.0 + 5, 2),
         timestamptz '2025-01-01 00:00:00+00' + (g % 300) * interval '1 day'
  FROM generate_series(1, ${CUSTOMER_ROWS * 3}) AS g
  WHERE NOT EXISTS (SELECT 1 FROM demo.orders);
  CREATE TABLE IF NOT EXISTS demo.page_views (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    path text NOT NULL,
    viewed_at timestamptz NOT NULL
  );
  INSERT INTO demo.page_views (id, customer_id, path, viewed_at)
  SELECT g, 1 + (g * 6151) % ${CUSTOMER_ROWS}, (ARRAY['/home', '/pricing', '/docs', '/blog'])[1 + g % 4],
         timestamptz '2025-01-01 00:00:00+00' + (g % 360) * interval '1 day' + (g % 24) * interval '1 hour'
  FROM generate_series(1, ${CUSTOMER_ROWS * 4}) AS g
  WHERE NOT EXISTS (SELECT 1 FROM demo.page_views);
  CREATE TABLE IF NOT EXISTS public.crm_audience (
    customer_id bigint PRIMARY KEY,
    email text,
    plan text,
    order_count bigint,
    split_group text
  );
`;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (this script is run by scripts/start.mjs)`);
  return value;
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The demo warehouse lives on the control plane's server; created there when missing. */
async function prepareWarehouse(controlPlaneUrl: string): Promise<URL> {
  const url = new URL(controlPlaneUrl);
  url.pathname = `/${DEMO_DATABASE}`;
  await withClient(controlPlaneUrl, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_DATABASE]);
    if (!rowCount) await c.query(`CREATE DATABASE ${c.escapeIdentifier(DEMO_DATABASE)}`);
  });
  await withClient(url.toString(), (c) => c.query(WAREHOUSE_SQL));
  return url;
}

/** The key survives restarts so the banner always shows the same one. */
function demoApiKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = generateApiKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Finds a demo record by name in the workspace and updates it, or creates it. */
async function upsertByName<T extends { id: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  workspaceId: string,
  values: DeepPartial<T> & { name: string },
): Promise<T> {
  const repo = em.getRepository(entity);
  const existing = await repo
    .createQueryBuilder('e')
    .where('e.workspace_id = :workspaceId AND e.name = :name', { workspaceId, name: values.name })
    .orderBy('e.created_at', 'ASC')
    .getOne();
  return repo.save(repo.merge(existing ?? repo.create(), { ...values, workspaceId } as DeepPartial<T>));
}

async function main(): Promise<void> {
  const databaseUrl = requireEnv('DATABASE_URL');
  const box = new SecretBox(requireEnv('SYNCLINE_ENCRYPTION_KEY'));
  const apiKey = demoApiKey(requireEnv('DEMO_API_KEY_FILE'));

  await migrate(databaseUrl);
  const warehouse = await prepareWarehouse(databaseUrl);
  const connection = {
    host: warehouse.hostname,
    port: Number(warehouse.port || 5432),
    database: DEMO_DATABASE,
    user: decodeURIComponent(warehouse.username),
    password: decodeURIComponent(warehouse.password),
    ssl: false,
  };

  const ds = await createDataSource(databaseUrl).initialize();
  try {
    const ids = await ds.transaction(async (em) => {
      const workspaces = em.getRepository(WorkspaceEntity);
      const workspace =
        (await workspaces.findOne({ where: { name: 'Demo' }, order: { createdAt: 'ASC' } })) ??
        workspaces.create({ name: 'Demo' });
      // A lost key file means a new key: re-point the existing workspace at it.
      workspace.apiKeyHash = hashApiKey(apiKey);
      await workspaces.save(workspace);

      const source = await upsertByName(em, SourceEntity, workspace.id, {
        name: 'Demo warehouse',
        type: 'postgres',
        configEncrypted: box.encryptJson(connection),
      });
      const model = await upsertByName(em, ModelEntity, workspace.id, {
        name: 'Customers',
        sourceId: source.id,
        sql: "SELECT id, email, first_name || ' ' || last_name AS full_name, plan FROM demo.customers",
        primaryKey: 'id',
      });
      const destination = await upsertByName(em, DestinationEntity, workspace.id, {
        name: 'Demo CRM table',
        type: 'postgres',
        configEncrypted: box.encryptJson({ ...connection, schema: 'public' }),
      });
      const sync = await upsertByName(em, SyncEntity, workspace.id, {
        name: 'Customers → CRM',
        modelId: model.id,
        destinationId: destination.id,
        destinationObject: 'crm_contacts',
        mode: 'upsert',
        mapping: MAPPING,
      });
      const audienceSync = await seedCustomerStudio(em, {
        workspaceId: workspace.id,
        source,
        customers: model,
        destinationId: destination.id,
        config: postgresSource.spec.parse(connection),
      });
      return { workspaceId: workspace.id, syncId: sync.id, audienceSyncId: audienceSync.id };
    });
    process.stdout.write(`${JSON.stringify(ids)}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seeding the demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
