/**
 * Snowflake column types → Syncline's type set. NUMBER arrives as a string (the driver is told to fetch it
 * so): a JS number would round ids above 2^53 and decimals, and CDC hashes must see exact values.
 */
import type { Column, ColumnType } from '@syncline/domain';

/** `type` is the driver's lower-case wire type (`fixed`, `text`, `timestamp_ntz`, …) or a SQL type name. */
export function snowflakeColumnType(type: string, scale = 0): ColumnType {
  const t = type.toLowerCase().replace(/\(.*$/, '').trim();
  if (t === 'fixed') return scale > 0 ? 'number' : 'integer';
  if (['number', 'decimal', 'numeric'].includes(t)) return scale > 0 ? 'number' : 'integer';
  if (['int', 'integer', 'bigint', 'smallint', 'tinyint', 'byteint'].includes(t)) return 'integer';
  if (['real', 'float', 'float4', 'float8', 'double', 'double precision'].includes(t)) return 'number';
  if (['text', 'varchar', 'char', 'character', 'string'].includes(t)) return 'string';
  if (t === 'boolean') return 'boolean';
  if (t === 'date') return 'date';
  if (t.startsWith('timestamp') || t === 'datetime') return 'timestamp';
  if (t === 'time') return 'string';
  if (['variant', 'object', 'array'].includes(t)) return 'json';
  return 'unknown';
}

export function snowflakeColumn(name: string, type: string, scale?: number | null): Column {
  const base = type.toLowerCase();
  const nativeType = base === 'fixed' ? `number(38,${scale ?? 0})` : base;
  return { name, type: snowflakeColumnType(type, scale ?? 0), nativeType };
}
