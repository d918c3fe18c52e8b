/**
 * Integration-test setup, run once per `jest` invocation: one real Temporal dev server for the whole run
 * (the SDK's own launcher waits only ~5 s and downloads; ours uses the offline CLI) and a migrated template
 * database that each test file clones.
 */
import { randomBytes } from 'node:crypto';
import { migrate } from '@syncline/db';
import { ENV_TEMPLATE_DB, ENV_TEMPORAL_ADDRESS, pgAdminUrl } from './test-env';
import { testDatabaseUrl, withAdminClient } from './test-database';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('../../../scripts/lib/temporal-cli.cjs') as {
  startTemporalDevServer(opts: { headless: boolean }): Promise<{ address: string; stop(): Promise<void> }>;
};

export default async function globalSetup(): Promise<void> {
  const template = `sl_template_${randomBytes(4).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${template}`));
  await migrate(testDatabaseUrl(template));
  process.env[ENV_TEMPLATE_DB] = template;
  process.env.SYNCLINE_TEST_PG_ADMIN_URL = pgAdminUrl();

  const server = await startTemporalDevServer({ headless: true });
  process.env[ENV_TEMPORAL_ADDRESS] = server.address;
  (globalThis as Record<string, unknown>).__SYNCLINE_TEARDOWN__ = async () => {
    await server.stop();
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}
