/**
 * In-warehouse CDC on Snowflake: a session in which Syncline writes its planner schema. Creating that schema
 * makes it the session's current schema, so the configured one is restored after every CREATE SCHEMA — model
 * SQL written against the configured schema keeps working. Large results stream with `streamRows()`.
 */
import type { SqlParam, WarehouseSession } from '@syncline/domain';
import { SynclineError } from '@syncline/errors';
import type { Binds, Connection } from 'snowflake-sdk';
import { sourceQueryFailed } from '../../kit/source-errors';
import { closeSnowflake } from './connect';
import { classifySnowflakeError, snowflakeMessage } from './snowflake-errors';
import type { SnowflakeSourceConfig } from './snowflake-source.config';
import { openSnowflake } from './with-snowflake';

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function openSnowflakeWarehouseSession(
  config: SnowflakeSourceConfig,
  options: { signal?: AbortSignal } = {},
): Promise<WarehouseSession> {
  const connection: Connection = await openSnowflake(config);
  const onAbort = (): void => void closeSnowflake(connection);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (err: unknown): never => {
    if (err instanceof SynclineError) throw err;
    throw sourceQueryFailed(
      classifySnowflakeError(err),
      snowflakeMessage(err, config),
      err,
      options.signal?.aborted,
    );
  };
  const run = (sqlText: string, binds?: readonly SqlParam[]): Promise<Record<string, unknown>[]> =>
    new Promise((resolve, reject) => {
      connection.execute({
        sqlText,
        binds: binds as Binds | undefined,
        fetchAsString: ['Number', 'Date'],
        complete: (err, _statement, rows) =>
          err ? reject(err) : resolve((rows ?? []) as Record<string, unknown>[]),
      });
    });
  const restoreSchema = async (sql: string): Promise<void> => {
    if (config.schema && /^\s*CREATE\s+SCHEMA/i.test(sql)) {
      await run(`USE SCHEMA ${quote(config.database)}.${quote(config.schema)}`);
    }
  };
  return {
    execute: async (sql, params) => {
      await run(sql, params).catch(fail);
      await restoreSchema(sql).catch(fail);
    },
    rows: async <T extends Record<string, unknown>>(sql: string, params?: readonly SqlParam[]) =>
      (await run(sql, params).catch(fail)) as T[],
    async *stream<T extends Record<string, unknown>>(sql: string, batchSize: number) {
      const statement = connection.execute({
        sqlText: sql,
        streamResult: true,
        fetchAsString: ['Number', 'Date'],
      });
      let batch: T[] = [];
      try {
        for await (const row of statement.streamRows()) {
          batch.push(row as T);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
      } catch (err) {
        fail(err);
      }
      if (batch.length > 0) yield batch;
    },
    close: async () => {
      options.signal?.removeEventListener('abort', onAbort);
      await closeSnowflake(connection);
    },
  };
}
