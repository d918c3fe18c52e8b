/**
 * In-warehouse CDC on Postgres: a read-write session (the planner writes to `syncline_planner`) whose
 * statements are cancelled on the server when the run is cancelled. Large results stream through a cursor.
 */
import type { SqlParam, WarehouseSession } from '@syncline/domain';
import type { Client } from 'pg';
import Cursor from 'pg-cursor';
import { watchAbort } from '../../kit/abort-watch';
import { connectPg } from '../../kit/postgres';
import type { PostgresSourceConfig } from './postgres-source.config';
import { sourceConnectError, sourceQueryError } from './source-errors';

const APPLICATION_NAME = 'syncline-planner';

export async function openWarehouseSession(
  config: PostgresSourceConfig,
  options: { signal?: AbortSignal } = {},
): Promise<WarehouseSession> {
  const client: Client = await connectPg(config, { applicationName: APPLICATION_NAME }).catch(
    (err: unknown) => {
      throw sourceConnectError(err, config);
    },
  );
  // Closing the socket ends the backend, which aborts whatever statement it runs.
  const watch = watchAbort(options.signal, () => void client.end().catch(() => undefined));
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await watch.race(work());
    } catch (err) {
      throw sourceQueryError(err, config, watch.fired);
    }
  };
  return {
    execute: (sql, params) =>
      run(async () => void (await client.query(sql, params as SqlParam[] | undefined))),
    rows: (sql, params) => run(async () => (await client.query(sql, params as SqlParam[] | undefined)).rows),
    async *stream<T extends Record<string, unknown>>(sql: string, batchSize: number) {
      const cursor = client.query(new Cursor<T>(sql));
      try {
        for (;;) {
          const batch = await run(() => cursor.read(batchSize));
          if (batch.length > 0) yield batch;
          if (batch.length < batchSize) return;
        }
      } finally {
        await cursor.close().catch(() => undefined);
      }
    },
    close: async () => {
      watch.dispose();
      await client.end().catch(() => undefined);
    },
  };
}
