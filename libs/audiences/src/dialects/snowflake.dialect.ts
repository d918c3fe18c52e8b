/**
 * Snowflake. Backslashes are escapes in its strings, so they are doubled. TIMESTAMP_NTZ values are UTC
 * wall-clock times compared with SYSDATE() (UTC); TIMESTAMP_LTZ/TZ with CURRENT_TIMESTAMP(). The split
 * bucket decodes the md5's first eight hex digits one by one (TO_NUMBER's hex format is not available
 * everywhere Syncline runs Snowflake SQL, e.g. fakesnow).
 */
import type { AudienceDialect, TimeKind } from './dialect';
import { baseKind, doubleQuote, numberLiteral } from './column-kind';

const hexDigits = (hash: string) =>
  Array.from(
    { length: 8 },
    (_, i) => `(POSITION(SUBSTR(${hash}, ${i + 1}, 1) IN '0123456789abcdef') - 1) * ${16 ** (7 - i)}`,
  ).join(' + ');

const timeKind = (nativeType: string): TimeKind =>
  nativeType === 'date' ? 'date' : /timestamp_(ltz|tz)/.test(nativeType) ? 'zoned' : 'naive';

export const snowflakeDialect: AudienceDialect = {
  name: 'snowflake',
  ident: doubleQuote,
  string: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
  number: numberLiteral,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  kindOf: (column) => (['array', 'variant'].includes(column.nativeType) ? 'array' : baseKind(column)),
  timeKindOf: (column) => (column.type === 'date' ? 'date' : timeKind(column.nativeType)),
  now: (kind) =>
    kind === 'zoned' ? 'CURRENT_TIMESTAMP()' : kind === 'naive' ? 'SYSDATE()' : 'CAST(SYSDATE() AS DATE)',
  todayStart: (kind) =>
    kind === 'date'
      ? 'CAST(SYSDATE() AS DATE)'
      : kind === 'naive'
        ? `DATE_TRUNC('DAY', SYSDATE())`
        : `CAST(TO_CHAR(SYSDATE(), 'YYYY-MM-DD') || ' 00:00:00 +00:00' AS TIMESTAMP_TZ)`,
  dayStart: (day, kind) =>
    kind === 'date'
      ? `CAST('${day}' AS DATE)`
      : kind === 'naive'
        ? `CAST('${day} 00:00:00' AS TIMESTAMP_NTZ)`
        : `CAST('${day} 00:00:00 +00:00' AS TIMESTAMP_TZ)`,
  addDays: (expr, days) => `DATEADD(day, ${days}, ${expr})`,
  contains: (column, literal) => `CONTAINS(${column}, ${literal})`,
  startsWith: (column, literal) => `STARTSWITH(${column}, ${literal})`,
  endsWith: (column, literal) => `ENDSWITH(${column}, ${literal})`,
  arrayOverlaps: (column, values) =>
    `(${values.map((v) => `ARRAY_CONTAINS(CAST(${v} AS VARIANT), ${column})`).join(' OR ')})`,
  arrayContainsAll: (column, values) =>
    `(${values.map((v) => `ARRAY_CONTAINS(CAST(${v} AS VARIANT), ${column})`).join(' AND ')})`,
  distinctList: (expr) => `ARRAY_AGG(DISTINCT ${expr}) WITHIN GROUP (ORDER BY ${expr})`,
  distinctListType: () => 'array',
  keyText: (expr) => `TO_VARCHAR(${expr})`,
  splitBucket: (key, salt) => `MOD(${hexDigits(`MD5(${salt} || ${key})`)}, 10000)`,
};
