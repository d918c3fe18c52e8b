/**
 * DuckDB column types → Syncline's type set. Values are read through DuckDB's JSON converter, which gives
 * BIGINT, HUGEINT and DECIMAL as strings (exact, like the other sources) and dates and timestamps as ISO text.
 */
import type { Column, ColumnType } from '@syncline/domain';

export function duckdbColumnType(sqlType: string): ColumnType {
  const t = sqlType.toUpperCase().replace(/\(.*$/, '').trim();
  if (
    [
      'TINYINT',
      'SMALLINT',
      'INTEGER',
      'BIGINT',
      'HUGEINT',
      'UTINYINT',
      'USMALLINT',
      'UINTEGER',
      'UBIGINT',
      'UHUGEINT',
    ].includes(t)
  )
    return 'integer';
  if (['DECIMAL', 'FLOAT', 'DOUBLE', 'REAL'].includes(t)) return 'number';
  if (['VARCHAR', 'UUID', 'TIME', 'ENUM', 'BIT', 'INTERVAL'].includes(t)) return 'string';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (
    t === 'JSON' ||
    t.startsWith('STRUCT') ||
    t.startsWith('MAP') ||
    t.endsWith('[]') ||
    t.startsWith('LIST')
  )
    return 'json';
  return 'unknown';
}

export function duckdbColumn(name: string, sqlType: string): Column {
  return { name, type: duckdbColumnType(sqlType), nativeType: sqlType.toLowerCase() };
}
