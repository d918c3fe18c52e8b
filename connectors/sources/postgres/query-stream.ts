/**
 * The Postgres source's `query`: streams a model's SQL in batches through a server-side cursor inside a
 * read-only transaction, so memory is bounded by the batch size and the model cannot write to the warehouse.
 */
import type { Column, QueryOptions, RowBatch } from '@syncline/domain';
import { SynclineError } from '@syncline/errors';
import type { Client, FieldDef } from 'pg';
import Cursor from 'pg-cursor';
import { connectPg } from '../../kit/postgres';
import { pgColumn } from './column-types';
import type { PostgresSourceConfig } from './postgres-source.config';
import { sourceConnectError, sourceQueryError } from './source-errors';
import { watchAbort } from '../../kit/abort-watch';
import { resolveQueryOptions } from '../../kit/query-options';

const APPLICATION_NAME = 'syncline-source';
const CANCEL_CONNECT_TIMEOUT_MS = 2_000;

type SourceRow = Record<string, unknown>;

export async function* streamQuery(
  config: PostgresSourceConfig,
  sql: string,
  options: QueryOptions = {},
): AsyncGenerator<RowBatch> {
  const { signal, timeoutMs, batchSize, limit } = resolveQueryOptions(options);
  if (signal?.aborted) throw sourceQueryError(signal.reason, config, true);

  const client = await connectPg(config, { applicationName: APPLICATION_NAME }).catch((err: unknown) => {
    throw sourceConnectError(err, config);
  });
  let backendPid: number | undefined;
  let cancelling: Promise<void> | undefined;
  // Closing our socket does not stop a running statement; only a cancel request does.
  const watch = watchAbort(signal, () => {
    if (backendPid !== undefined) cancelling = cancelBackend(config, backendPid);
  });
  let cursor: Cursor<SourceRow> | undefined;
  let exhausted = false;
  let failed = false;
  try {
    await watch.race(client.query('BEGIN READ ONLY'));
    // set_config(…, true) is SET LOCAL with a bound value: the timeout ends with the transaction.
    // Postgres runs a cursor's portal as one statement until it is closed, so `timeoutMs` bounds the whole
    // read — including time the consumer spends between batches — not each batch.
    const session = await watch.race(
      timeoutMs === undefined
        ? client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
        : client.query<{ pid: number }>(
            "SELECT pg_backend_pid() AS pid, set_config('statement_timeout', $1, true)",
            [String(timeoutMs)],
          ),
    );
    backendPid = session.rows[0]?.pid;
    cursor = client.query(new Cursor<SourceRow>(sql));

    let columns: Column[] | undefined;
    let delivered = 0;
    while (delivered < limit) {
      const want = Math.min(batchSize, limit - delivered);
      const batch = await watch.race(readBatch(cursor, want));
      columns ??= batch.fields.map((f) => pgColumn(f.name, f.dataTypeID));
      exhausted = batch.rows.length < want;
      // An empty result still tells the caller its columns (model previews, mapping validation).
      if (batch.rows.length > 0 || delivered === 0) yield { columns, rows: batch.rows };
      delivered += batch.rows.length;
      if (exhausted) break;
    }
  } catch (err) {
    failed = true;
    if (err instanceof SynclineError) throw err;
    throw sourceQueryError(err, config, watch.fired);
  } finally {
    watch.dispose();
    await cancelling;
    await release(client, failed || watch.fired ? undefined : { cursor, exhausted });
  }
}

function readBatch(
  cursor: Cursor<SourceRow>,
  rows: number,
): Promise<{ rows: SourceRow[]; fields: FieldDef[] }> {
  return new Promise((resolve, reject) => {
    cursor.read(rows, (err, batch, result) => {
      if (err) reject(err);
      // A finished cursor answers later reads without a result object.
      else resolve({ rows: batch, fields: result?.fields ?? [] });
    });
  });
}

/**
 * Ends the session. `graceful` is given when the connection is healthy: close the portal and roll back so the
 * server sees a clean goodbye; otherwise (error, abort) the socket is simply closed.
 */
async function release(
  client: Client,
  graceful: { cursor: Cursor<SourceRow> | undefined; exhausted: boolean } | undefined,
): Promise<void> {
  if (graceful) {
    try {
      if (graceful.cursor && !graceful.exhausted) await graceful.cursor.close();
      await client.query('ROLLBACK');
    } catch {
      // The connection is closed below either way; nothing was written (read-only transaction).
    }
  }
  await client.end().catch(() => undefined);
}

/** Asks the server to cancel the statement running on `pid`; best effort, never throws. */
async function cancelBackend(config: PostgresSourceConfig, pid: number): Promise<void> {
  try {
    const client = await connectPg(config, {
      applicationName: `${APPLICATION_NAME}-cancel`,
      connectTimeoutMs: CANCEL_CONNECT_TIMEOUT_MS,
    });
    try {
      await client.query('SELECT pg_cancel_backend($1)', [pid]);
    } finally {
      await client.end();
    }
  } catch {
    // The session's socket is closed anyway; an unreachable server cannot be asked for more.
  }
}
