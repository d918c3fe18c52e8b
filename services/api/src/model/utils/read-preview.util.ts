/**
 * Reads at most `limit` rows from a source query and stops the stream early, so a preview of a huge
 * model costs one batch, not the whole table.
 */
import type { Column, Row, RowBatch } from '@syncline/domain';
import { toJsonValue } from './to-json-value.util';

export interface PreviewResult {
  columns: Column[];
  rows: Row[];
}

export async function readPreview(batches: AsyncIterable<RowBatch>, limit: number): Promise<PreviewResult> {
  let columns: Column[] = [];
  const rows: Row[] = [];
  // Breaking out of for-await calls the iterator's return(), which closes the connector's cursor.
  for await (const batch of batches) {
    if (columns.length === 0) columns = batch.columns;
    for (const row of batch.rows) {
      if (rows.length >= limit) break;
      rows.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJsonValue(v)])));
    }
    if (rows.length >= limit) break;
  }
  return { columns, rows };
}
