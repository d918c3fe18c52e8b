/**
 * Turns a driver's row-by-row stream into the RowBatches sources yield: at most `batchSize` rows each, stopping
 * after `limit` rows, and one empty batch for an empty result so callers still learn the columns.
 * Leaving the loop early calls the row stream's `return()`, which is where drivers close their cursor.
 */
import type { Column, Row, RowBatch } from '@syncline/domain';

export interface BatchRowsOptions {
  batchSize: number;
  limit: number;
  /** Read when a batch is yielded: drivers know the result's columns only once it started. */
  columns: () => Column[];
}

export async function* batchRows(
  rows: AsyncIterable<Row>,
  { batchSize, limit, columns }: BatchRowsOptions,
): AsyncGenerator<RowBatch> {
  let batch: Row[] = [];
  let delivered = 0;
  let yielded = false;
  if (limit > 0) {
    for await (const row of rows) {
      batch.push(row);
      delivered += 1;
      if (batch.length >= batchSize || delivered >= limit) {
        yielded = true;
        yield { columns: columns(), rows: batch };
        batch = [];
      }
      if (delivered >= limit) break;
    }
  }
  if (batch.length > 0 || !yielded) yield { columns: columns(), rows: batch };
}
