/**
 * The DuckDB source's `query`: DuckDB's streaming result hands over one data chunk (≤ 2048 rows) per fetch,
 * so memory is bounded by the batch size. DuckDB has no statement timeout setting: the time limit and the
 * caller's signal interrupt the connection, which stops the running statement.
 */
import type { DuckDBResult } from '@duckdb/node-api';
import type { Column, QueryOptions, Row, RowBatch } from '@syncline/domain';
import { SynclineError } from '@syncline/errors';
import { watchAbort } from '../../kit/abort-watch';
import { batchRows } from '../../kit/batch-rows';
import { resolveQueryOptions } from '../../kit/query-options';
import { errorMessage, sourceQueryFailed } from '../../kit/source-errors';
import { duckdbColumn } from './column-types';
import type { DuckdbSourceConfig } from './duckdb-source.config';
import { openDuckdb } from './open-duckdb';

export async function* streamDuckdbQuery(
  config: DuckdbSourceConfig,
  sql: string,
  options: QueryOptions = {},
): AsyncGenerator<RowBatch> {
  const { signal, batchSize, limit, timeoutMs } = resolveQueryOptions(options);
  if (signal?.aborted) throw sourceQueryFailed('query', 'cancelled', signal.reason, true);
  const session = await openDuckdb(config);
  let timedOut = false;
  const interrupt = (): void => session.connection.interrupt();
  const watch = watchAbort(signal, interrupt);
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          interrupt();
        }, timeoutMs);
  let started: Promise<DuckDBResult> | undefined;
  try {
    started = session.connection.stream(sql);
    const result = await watch.race(started);
    const columns: Column[] = result
      .columnNames()
      .map((name, i) => duckdbColumn(name, result.columnType(i).toString()));
    yield* batchRows(rowsOf(result), { batchSize, limit, columns: () => columns });
  } catch (err) {
    if (err instanceof SynclineError) throw err;
    if (timedOut) {
      throw sourceQueryFailed(
        'timeout',
        `no result within ${timeoutMs} ms; the statement was interrupted`,
        err,
      );
    }
    throw sourceQueryFailed('query', errorMessage(err), err, watch.fired);
  } finally {
    clearTimeout(timer);
    watch.dispose();
    // Closing while the interrupted statement still unwinds on DuckDB's threads would block; let it settle.
    await started?.catch(() => undefined);
    session.close();
  }
}

async function* rowsOf(result: DuckDBResult): AsyncGenerator<Row> {
  for await (const chunk of result.yieldRowObjectJson()) yield* chunk;
}
