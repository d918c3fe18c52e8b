/**
 * The CSV side of Bulk API 2.0: job data is written with a header of field API names (relationship links as
 * `Account.External_Id__c`), `#N/A` to set a field to null and an empty cell to leave it unchanged; results
 * come back as CSV with `sf__Id`, `sf__Created` / `sf__Error` and the uploaded columns.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Bulk API's documented marker for "set this field to null". */
export const CSV_NULL = '#N/A';

function cell(value: unknown): string {
  if (value === null) return CSV_NULL;
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** One level of nesting: `{Account: {External_Id__c: 'a1'}}` → `Account.External_Id__c`. */
function flatten(fields: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      for (const [inner, v] of Object.entries(value)) flat[`${name}.${inner}`] = v;
    } else flat[name] = value;
  }
  return flat;
}

export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map(flatten);
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const cells = flat.map((r) => columns.map((c) => cell(r[c])));
  return stringify(cells, { header: true, columns, record_delimiter: 'unix' });
}

export function parseCsv(text: string): Record<string, string>[] {
  if (!text.trim()) return [];
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}
