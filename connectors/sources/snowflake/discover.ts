/** The Snowflake source's `discover`: tables and views of the configured database, typed columns. */
import type { DiscoveredTable } from '@syncline/domain';
import type { Connection } from 'snowflake-sdk';
import { snowflakeColumnType } from './column-types';
import type { SnowflakeSourceConfig } from './snowflake-source.config';
import { withSnowflake } from './with-snowflake';

interface ColumnRow {
  TABLE_SCHEMA: string;
  TABLE_NAME: string;
  COLUMN_NAME: string;
  DATA_TYPE: string;
  NUMERIC_SCALE: string | number | null;
}

// information_schema is per database in Snowflake and lists only what the role may see.
const COLUMNS_SQL = `
  SELECT table_schema, table_name, column_name, data_type, numeric_scale
    FROM information_schema.columns
   WHERE table_schema <> 'INFORMATION_SCHEMA'
   ORDER BY table_schema, table_name, ordinal_position`;

export function discoverTables(config: SnowflakeSourceConfig): Promise<DiscoveredTable[]> {
  return withSnowflake(config, async (connection) => {
    const rows = await selectAll<ColumnRow>(connection, COLUMNS_SQL);
    const tables = new Map<string, DiscoveredTable>();
    for (const row of rows) {
      const id = JSON.stringify([row.TABLE_SCHEMA, row.TABLE_NAME]);
      let table = tables.get(id);
      if (!table) {
        table = { schema: row.TABLE_SCHEMA, name: row.TABLE_NAME, columns: [] };
        tables.set(id, table);
      }
      const scale = Number(row.NUMERIC_SCALE ?? 0);
      table.columns.push({
        name: row.COLUMN_NAME,
        type: snowflakeColumnType(row.DATA_TYPE, scale),
        nativeType: row.DATA_TYPE.toLowerCase(),
      });
    }
    return [...tables.values()];
  });
}

function selectAll<T>(connection: Connection, sqlText: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      fetchAsString: ['Number'],
      complete: (err, _stmt, rows) => (err ? reject(err) : resolve((rows ?? []) as T[])),
    });
  });
}
