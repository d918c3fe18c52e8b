/**
 * MySQL / MariaDB column types → Syncline's type set, both from a result's field packets (wire type numbers)
 * and from information_schema (type names). TINYINT(1) is MySQL's BOOLEAN.
 */
import type { Column, ColumnType } from '@syncline/domain';

// Wire type numbers from the protocol (mysql2's Types map), with display names.
const WIRE: ReadonlyMap<number, [ColumnType, string]> = new Map([
  [0, ['number', 'decimal']],
  [1, ['integer', 'tinyint']],
  [2, ['integer', 'smallint']],
  [3, ['integer', 'int']],
  [4, ['number', 'float']],
  [5, ['number', 'double']],
  [7, ['timestamp', 'timestamp']],
  [8, ['integer', 'bigint']],
  [9, ['integer', 'mediumint']],
  [10, ['date', 'date']],
  [11, ['string', 'time']],
  [12, ['timestamp', 'datetime']],
  [13, ['integer', 'year']],
  [15, ['string', 'varchar']],
  [16, ['string', 'bit']],
  [245, ['json', 'json']],
  [246, ['number', 'decimal']],
  [247, ['string', 'enum']],
  [248, ['string', 'set']],
  [249, ['string', 'tinytext']],
  [250, ['string', 'mediumtext']],
  [251, ['string', 'longtext']],
  [252, ['string', 'text']],
  [253, ['string', 'varchar']],
  [254, ['string', 'char']],
]);

const BINARY_CHARSET = 63;

export function mysqlFieldColumn(field: {
  name: string;
  columnType?: number;
  columnLength?: number;
  characterSet?: number;
}): Column {
  const wire = field.columnType ?? -1;
  if (wire === 1 && field.columnLength === 1)
    return { name: field.name, type: 'boolean', nativeType: 'tinyint(1)' };
  const known = WIRE.get(wire);
  if (!known) return { name: field.name, type: 'unknown', nativeType: `type ${wire}` };
  // Blobs share the text wire types; the binary character set tells them apart.
  if (known[0] === 'string' && field.characterSet === BINARY_CHARSET && wire >= 249) {
    return { name: field.name, type: 'unknown', nativeType: 'blob' };
  }
  return { name: field.name, type: known[0], nativeType: known[1] };
}

/** From information_schema: DATA_TYPE (`int`) and COLUMN_TYPE (`tinyint(1) unsigned`). */
export function mysqlColumnType(dataType: string, columnType: string): ColumnType {
  const t = dataType.toLowerCase();
  if (columnType.toLowerCase().startsWith('tinyint(1)')) return 'boolean';
  if (['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'year'].includes(t)) return 'integer';
  if (['decimal', 'numeric', 'float', 'double', 'real'].includes(t)) return 'number';
  if (['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set', 'time'].includes(t))
    return 'string';
  if (t === 'date') return 'date';
  if (t === 'datetime' || t === 'timestamp') return 'timestamp';
  if (t === 'json') return 'json';
  return 'unknown';
}
