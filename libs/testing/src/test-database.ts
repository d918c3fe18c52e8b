/**
 * Fresh databases per test file, cloned from a migrated template (CREATE DATABASE … TEMPLATE is fast),
 * so files never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ENV_TEMPLATE_DB, pgAdminUrl, requireTestEnv } from './test-env';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function create(prefix: string, template?: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    name,
    url: urlFor(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated, empty control-plane database. */
export function createControlPlaneDatabase(): Promise<TestDatabase> {
  return create('sl_cp', requireTestEnv(ENV_TEMPLATE_DB));
}

/** An empty database playing a warehouse (source) or a destination. */
export function createEmptyDatabase(prefix = 'sl_wh'): Promise<TestDatabase> {
  return create(prefix);
}

export { urlFor as testDatabaseUrl, admin as withAdminClient };
