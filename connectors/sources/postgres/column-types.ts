/**
 * Postgres type OIDs → Syncline column types, shared by `discover` and `query` so a model's columns read the
 * same whichever way they were found.
 *
 * Values keep `pg`'s default parsing. int8 (OID 20) and numeric (1700) therefore arrive as strings: a JS
 * number would silently round ids above 2^53 and decimals like 0.1, and CDC hashes must see exact values.
 * Their Syncline types stay `integer` / `number` because that is what they mean to a mapping.
 */
import type { Column, ColumnType } from '@syncline/domain';

interface PgTypeInfo {
  type: ColumnType;
  nativeType: string;
}

const t = (type: ColumnType, nativeType: string): PgTypeInfo => ({ type, nativeType });

// Built-in OIDs are fixed across Postgres versions (pg_type.dat); extension and user types are not listed.
const BUILT_IN: ReadonlyMap<number, PgTypeInfo> = new Map([
  [16, t('boolean', 'boolean')],
  [17, t('unknown', 'bytea')],
  [18, t('string', '"char"')],
  [19, t('string', 'name')],
  [20, t('integer', 'bigint')],
  [21, t('integer', 'smallint')],
  [23, t('integer', 'integer')],
  [25, t('string', 'text')],
  [26, t('integer', 'oid')],
  [114, t('json', 'json')],
  [142, t('string', 'xml')],
  [650, t('string', 'cidr')],
  [700, t('number', 'real')],
  [701, t('number', 'double precision')],
  [705, t('string', 'unknown')], // untyped literals such as SELECT 'a'
  [790, t('string', 'money')],
  [829, t('string', 'macaddr')],
  [869, t('string', 'inet')],
  [1042, t('string', 'character')],
  [1043, t('string', 'character varying')],
  [1082, t('date', 'date')],
  [1083, t('string', 'time without time zone')],
  [1114, t('timestamp', 'timestamp without time zone')],
  [1184, t('timestamp', 'timestamp with time zone')],
  [1186, t('unknown', 'interval')], // pg parses intervals into objects
  [1266, t('string', 'time with time zone')],
  [1560, t('string', 'bit')],
  [1562, t('string', 'bit varying')],
  [1700, t('number', 'numeric')],
  [2950, t('string', 'uuid')],
  [3614, t('string', 'tsvector')],
  [3802, t('json', 'jsonb')],
  // Arrays are parsed into JS arrays, which serialise as JSON.
  [199, t('json', 'json[]')],
  [1000, t('json', 'boolean[]')],
  [1005, t('json', 'smallint[]')],
  [1007, t('json', 'integer[]')],
  [1009, t('json', 'text[]')],
  [1015, t('json', 'character varying[]')],
  [1016, t('json', 'bigint[]')],
  [1021, t('json', 'real[]')],
  [1022, t('json', 'double precision[]')],
  [1115, t('json', 'timestamp without time zone[]')],
  [1182, t('json', 'date[]')],
  [1185, t('json', 'timestamp with time zone[]')],
  [1231, t('json', 'numeric[]')],
  [2951, t('json', 'uuid[]')],
  [3807, t('json', 'jsonb[]')],
]);

/**
 * The Syncline type and display name for a Postgres type.
 * `nameHint` is the server's own name, used for types outside the built-in table (enums, domains, extensions).
 */
export function pgTypeInfo(oid: number, nameHint?: string): PgTypeInfo {
  return BUILT_IN.get(oid) ?? t('unknown', nameHint ?? `oid ${oid}`);
}

export function pgColumn(name: string, oid: number, nameHint?: string): Column {
  return { name, ...pgTypeInfo(oid, nameHint) };
}
