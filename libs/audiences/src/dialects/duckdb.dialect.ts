/** DuckDB. Its strings have no escapes (only '' for a quote); naive timestamps are UTC wall-clock times. */
import type { AudienceDialect } from './dialect';
import { baseKind, doubleQuote, numberLiteral } from './column-kind';

const UTC_NOW = `timezone('UTC', CURRENT_TIMESTAMP)`;

export const duckdbDialect: AudienceDialect = {
  name: 'duckdb',
  ident: doubleQuote,
  string: (value) => `'${value.replace(/'/g, "''")}'`,
  number: numberLiteral,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  kindOf: (column) => (/\[\]$|^list/i.test(column.nativeType) ? 'array' : baseKind(column)),
  timeKindOf: (column) =>
    column.type === 'date' ? 'date' : column.nativeType.includes('with time zone') ? 'zoned' : 'naive',
  now: (kind) =>
    kind === 'zoned' ? 'CURRENT_TIMESTAMP' : kind === 'naive' ? UTC_NOW : `CAST(${UTC_NOW} AS DATE)`,
  todayStart: (kind) =>
    kind === 'date'
      ? `CAST(${UTC_NOW} AS DATE)`
      : kind === 'naive'
        ? `date_trunc('day', ${UTC_NOW})`
        : `timezone('UTC', date_trunc('day', ${UTC_NOW}))`,
  dayStart: (day, kind) =>
    kind === 'date'
      ? `DATE '${day}'`
      : kind === 'naive'
        ? `TIMESTAMP '${day} 00:00:00'`
        : `TIMESTAMPTZ '${day} 00:00:00+00'`,
  addDays: (expr, days, kind) =>
    kind === 'date' ? `(${expr} + (${days}))` : `(${expr} + INTERVAL '${days} days')`,
  contains: (column, literal) => `contains(${column}, ${literal})`,
  startsWith: (column, literal) => `starts_with(${column}, ${literal})`,
  endsWith: (column, literal) => `ends_with(${column}, ${literal})`,
  arrayOverlaps: (column, values) => `list_has_any(${column}, [${values.join(', ')}])`,
  arrayContainsAll: (column, values) => `list_has_all(${column}, [${values.join(', ')}])`,
  distinctList: (expr) => `list(DISTINCT ${expr} ORDER BY ${expr})`,
  distinctListType: (nativeType) => `${nativeType}[]`,
  keyText: (expr) => `CAST(${expr} AS VARCHAR)`,
  splitBucket: (key, salt) => `(CAST('0x' || substr(md5(${salt} || ${key}), 1, 8) AS BIGINT) % 10000)`,
};
