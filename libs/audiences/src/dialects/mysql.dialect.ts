/**
 * MySQL / MariaDB. A backslash means something in MySQL strings unless NO_BACKSLASH_ESCAPES is set, so a
 * value holding one is written as a UTF-8 hex literal, whose meaning depends on no mode. Arrays are JSON
 * arrays; DATETIME values are UTC (the source reads them so). Text comparisons follow the column's
 * collation (MySQL's defaults ignore case).
 */
import type { AudienceDialect } from './dialect';
import { baseKind, numberLiteral } from './column-kind';

const hexLiteral = (value: string) => `_utf8mb4 X'${Buffer.from(value, 'utf8').toString('hex')}'`;

export const mysqlDialect: AudienceDialect = {
  name: 'mysql',
  ident: (name) => `\`${name.replace(/`/g, '``')}\``,
  string: (value) => (value.includes('\\') ? hexLiteral(value) : `'${value.replace(/'/g, "''")}'`),
  number: numberLiteral,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  kindOf: (column) => (column.type === 'json' ? 'array' : baseKind(column)),
  timeKindOf: (column) => (column.type === 'date' ? 'date' : 'naive'),
  now: (kind) => (kind === 'date' ? 'UTC_DATE()' : 'UTC_TIMESTAMP(6)'),
  todayStart: (kind) => (kind === 'date' ? 'UTC_DATE()' : 'CAST(UTC_DATE() AS DATETIME(6))'),
  dayStart: (day, kind) => (kind === 'date' ? `DATE '${day}'` : `TIMESTAMP '${day} 00:00:00'`),
  addDays: (expr, days) => `DATE_ADD(${expr}, INTERVAL ${days} DAY)`,
  contains: (column, literal) => `(LOCATE(${literal}, ${column}) > 0)`,
  startsWith: (column, literal) => `(LEFT(${column}, CHAR_LENGTH(${literal})) = ${literal})`,
  endsWith: (column, literal) => `(RIGHT(${column}, CHAR_LENGTH(${literal})) = ${literal})`,
  arrayOverlaps: (column, values) => `JSON_OVERLAPS(${column}, JSON_ARRAY(${values.join(', ')}))`,
  arrayContainsAll: (column, values) => `JSON_CONTAINS(${column}, JSON_ARRAY(${values.join(', ')}))`,
  distinctList: (expr) => `JSON_ARRAYAGG(DISTINCT ${expr} ORDER BY ${expr})`,
  distinctListType: () => 'json',
  textHoldsArrays: true,
  // MariaDB 10.11 pushes a WHERE on a JSON_ARRAYAGG column into the grouped derived table and then finds no
  // rows; a LIMIT keeps the derived table whole.
  listAggregateFence: ' LIMIT 18446744073709551615',
  keyText: (expr) => `CAST(${expr} AS CHAR)`,
  splitBucket: (key, salt) =>
    `(CAST(CONV(SUBSTRING(MD5(CONCAT(${salt}, ${key})), 1, 8), 16, 10) AS UNSIGNED) % 10000)`,
};
