/**
 * The Snowflake source's `query`: `statement.streamRows()` pulls result chunks as the consumer reads, so
 * memory is bounded by the batch size, never by the result. The time limit and the caller's signal both
 * cancel the statement on the server and end the stream at once.
 */
import type { Column, QueryOptions, Row, RowBatch } from '@syncline/domain';
import { SynclineError } from '@syncline/errors';
import type { Readable } from 'node:stream';
import type { RowStatement } from 'snowflake-sdk';
import { watchAbort } from '../../kit/abort-watch';
import { batchRows } from '../../kit/batch-rows';
import { resolveQueryOptions } from '../../kit/query-options';
import { sourceQueryFailed } from '../../kit/source-errors';
import { snowflakeColumn } from './column-types';
import { closeSnowflake } from './connect';
import { classifySnowflakeError, snowflakeMessage } from './snowflake-errors';
import type { SnowflakeSourceConfig } from './snowflake-source.config';
import { openSnowflake } from './with-snowflake';

class StopReading extends Error {}

export async function* streamSnowflakeQuery(
  config: SnowflakeSourceConfig,
  sql: string,
  options: QueryOptions = {},
): AsyncGenerator<RowBatch> {
  const { signal, batchSize, limit, timeoutMs } = resolveQueryOptions(options);
  if (signal?.aborted) throw sourceQueryFailed('query', 'cancelled', signal.reason, true);
  const connection = await openSnowflake(config);
  let statement: RowStatement | undefined;
  let rows: Readable | undefined;
  let timedOut = false;
  const stop = (): void => {
    statement?.cancel();
    rows?.destroy(new StopReading());
  };
  const watch = watchAbort(signal, stop);
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stop();
        }, timeoutMs);
  try {
    // Numbers and dates as strings: exact values for CDC hashes, no time-zone guesses.
    statement = connection.execute({ sqlText: sql, streamResult: true, fetchAsString: ['Number', 'Date'] });
    rows = statement.streamRows();
    const current = statement;
    yield* batchRows(rows as AsyncIterable<Row>, { batchSize, limit, columns: () => columnsOf(current) });
  } catch (err) {
    if (err instanceof SynclineError) throw err;
    if (timedOut) {
      throw sourceQueryFailed(
        'timeout',
        `no result within ${timeoutMs} ms; the statement was cancelled`,
        err,
      );
    }
    throw sourceQueryFailed(classifySnowflakeError(err), snowflakeMessage(err, config), err, watch.fired);
  } finally {
    clearTimeout(timer);
    watch.dispose();
    rows?.destroy();
    await closeSnowflake(connection);
  }
}

function columnsOf(statement: RowStatement): Column[] {
  return (statement.getColumns() ?? []).map((c) => snowflakeColumn(c.getName(), c.getType(), c.getScale()));
}
