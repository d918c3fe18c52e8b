/** `check` for every Postgres-speaking connector: connect, `SELECT 1`, report rather than throw. */
import type { CheckResult } from '@syncline/domain';
import { describeTarget, type PgConnectionConfig } from './connection-config';
import { connectPg, describeConnectFailure } from './connect';
import { pgMessage } from './pg-error';

export async function checkPgConnection(
  config: PgConnectionConfig,
  options: { connectTimeoutMs?: number; applicationName: string },
): Promise<CheckResult> {
  let client;
  try {
    client = await connectPg(config, options);
  } catch (err) {
    return { ok: false, message: describeConnectFailure(err, config) };
  }
  try {
    await client.query('SELECT 1');
    return { ok: true, message: `Connected to ${describeTarget(config)}` };
  } catch (err) {
    return {
      ok: false,
      message: `Connected to ${describeTarget(config)} but SELECT 1 failed: ${pgMessage(err, config.password)}`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
