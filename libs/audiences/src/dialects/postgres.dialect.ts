/**
 * Postgres. Strings holding a backslash are written as E'' strings (backslashes doubled), whose meaning does
 * not depend on standard_conforming_strings; naive timestamps are UTC wall-clock times, like the source reads them.
 */
import type { AudienceDialect, TimeKind } from './dialect';
import { baseKind, doubleQuote, numberLiteral } from './column-kind';

const UTC_NOW = `(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')`;

export const postgresDialect: AudienceDialect = {
  name: 'postgres',
  ident: doubleQuote,
  string: (value) =>
    value.includes('\\')
      ? `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
      : `'${value.replace(/'/g, "''")}'`,
  number: numberLiteral,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  kindOf: (column) => (column.nativeType.endsWith('[]') ? 'array' : baseKind(column)),
  timeKindOf: (column) =>
    column.type === 'date' ? 'date' : column.nativeType.includes('with time zone') ? 'zoned' : 'naive',
  now: (kind) =>
    kind === 'zoned' ? 'CURRENT_TIMESTAMP' : kind === 'naive' ? UTC_NOW : `CAST(${UTC_NOW} AS date)`,
  todayStart: (kind: TimeKind) =>
    kind === 'date'
      ? `CAST(${UTC_NOW} AS date)`
      : kind === 'naive'
        ? `date_trunc('day', ${UTC_NOW})`
        : `(date_trunc('day', ${UTC_NOW}) AT TIME ZONE 'UTC')`,
  dayStart: (day, kind) =>
    kind === 'date'
      ? `DATE '${day}'`
      : kind === 'naive'
        ? `TIMESTAMP '${day} 00:00:00'`
        : `TIMESTAMPTZ '${day} 00:00:00+00'`,
  addDays: (expr, days, kind) =>
    kind === 'date' ? `(${expr} + (${days}))` : `(${expr} + INTERVAL '${days} days')`,
  contains: (column, literal) => `(strpos(${column}, ${literal}) > 0)`,
  startsWith: (column, literal) => `starts_with(${column}, ${literal})`,
  endsWith: (column, literal) => `(right(${column}, length(${literal})) = ${literal})`,
  arrayOverlaps: (column, values, nativeType) => arrayTest(column, '&&', values, nativeType),
  arrayContainsAll: (column, values, nativeType) => arrayTest(column, '@>', values, nativeType),
  distinctList: (expr) => `array_agg(DISTINCT ${expr} ORDER BY ${expr})`,
  distinctListType: (nativeType) => `${nativeType}[]`,
  keyText: (expr) => `CAST(${expr} AS text)`,
  splitBucket: (key, salt) => `(('x' || substr(md5(${salt} || ${key}), 1, 8))::bit(32)::bigint % 10000)`,
};

function arrayTest(column: string, op: string, values: string[], nativeType: string): string {
  // The literal array takes the column's own type, so integer[] compares with integers and text[] with text.
  const typed = /^[a-z ]+(\(\d+(,\d+)?\))?\[\]$/.test(nativeType);
  const cast = typed ? nativeType : 'text[]';
  const left = typed ? column : `CAST(${column} AS text[])`;
  return `(${left} ${op} CAST(ARRAY[${values.join(', ')}] AS ${cast}))`;
}
