/**
 * The MySQL / MariaDB source's `query`: a read-only transaction with a server-side statement time limit,
 * rows streamed with back-pressure (mysql2 pauses the socket while the consumer works), cancelled with
 * KILL QUERY from a second connection when the caller's signal fires.
 */
import type { Column, QueryOptions, Row, RowBatch } from '@syncline/domain';
import { SynclineError } from '@syncline/errors';
import type { Connection, FieldPacket } from 'mysql2';
import type { Readable } from 'node:stream';
import { watchAbort } from '../../kit/abort-watch';
import { batchRows } from '../../kit/batch-rows';
import { resolveQueryOptions } from '../../kit/query-options';
import { errorProp, sourceQueryFailed } from '../../kit/source-errors';
import { mysqlFieldColumn } from './column-types';
import { connectMysql, endMysql, mysqlQuery } from './connect';
import { classifyMysqlError, mysqlMessage } from './mysql-errors';
import type { MysqlSourceConfig } from './mysql-source.config';
import { openMysql } from './with-mysql';

const ER_UNKNOWN_SYSTEM_VARIABLE = 1193;

export async function* streamMysqlQuery(
  config: MysqlSourceConfig,
  sql: string,
  options: QueryOptions = {},
): AsyncGenerator<RowBatch> {
  const { signal, batchSize, limit, timeoutMs } = resolveQueryOptions(options);
  if (signal?.aborted) throw sourceQueryFailed('query', 'cancelled', signal.reason, true);
  const connection = await openMysql(config);
  let killing: Promise<void> | undefined;
  // Closing our socket does not stop a running statement; only KILL QUERY from another session does.
  const watch = watchAbort(signal, () => {
    killing = killQuery(config, connection.threadId);
  });
  let rows: Readable | undefined;
  let clean = false;
  try {
    await watch.race(mysqlQuery(connection, 'SET SESSION TRANSACTION READ ONLY'));
    if (timeoutMs !== undefined) await watch.race(setStatementTimeout(connection, timeoutMs));
    await watch.race(mysqlQuery(connection, 'START TRANSACTION READ ONLY'));
    let fields: FieldPacket[] = [];
    const query = connection.query(sql);
    query.on('fields', (f: FieldPacket[]) => {
      fields = f;
    });
    rows = query.stream({ highWaterMark: batchSize });
    const columns = (): Column[] => fields.map((f) => mysqlFieldColumn(f));
    yield* batchRows(rows as AsyncIterable<Row>, { batchSize, limit, columns });
    clean = rows.readableEnded;
  } catch (err) {
    if (err instanceof SynclineError) throw err;
    throw sourceQueryFailed(classifyMysqlError(err), mysqlMessage(err, config), err, watch.fired);
  } finally {
    watch.dispose();
    await killing;
    // A result the consumer stopped reading is still being sent: closing the socket ends it on the server.
    if (clean) await endMysql(connection);
    else connection.destroy();
  }
}

/** MariaDB's `max_statement_time` (seconds) or MySQL's `max_execution_time` (ms, SELECT only). */
async function setStatementTimeout(connection: Connection, timeoutMs: number): Promise<void> {
  try {
    await mysqlQuery(connection, 'SET SESSION max_statement_time = ?', [timeoutMs / 1000]);
  } catch (err) {
    if (errorProp(err, 'errno') !== ER_UNKNOWN_SYSTEM_VARIABLE) throw err;
    await mysqlQuery(connection, 'SET SESSION max_execution_time = ?', [timeoutMs]);
  }
}

/** Asks the server to stop the statement of session `threadId`; best effort, never throws. */
async function killQuery(config: MysqlSourceConfig, threadId: number | null): Promise<void> {
  if (threadId === null) return;
  try {
    const killer = await connectMysql({ ...config, connectTimeoutMs: 2_000 });
    try {
      await mysqlQuery(killer, 'KILL QUERY ?', [threadId]);
    } finally {
      await endMysql(killer);
    }
  } catch {
    // The session's socket is closed anyway; an unreachable server cannot be asked for more.
  }
}
