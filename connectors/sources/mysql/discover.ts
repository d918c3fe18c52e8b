/** The MySQL source's `discover`: tables and views outside the system schemas, typed columns. */
import type { DiscoveredTable } from '@syncline/domain';
import { mysqlColumnType } from './column-types';
import type { MysqlSourceConfig } from './mysql-source.config';
import { withMysql } from './with-mysql';
import { mysqlQuery } from './connect';

interface ColumnRow {
  TABLE_SCHEMA: string;
  TABLE_NAME: string;
  COLUMN_NAME: string;
  DATA_TYPE: string;
  COLUMN_TYPE: string;
}

// information_schema lists only what the user may access.
const COLUMNS_SQL = `
  SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE
    FROM information_schema.COLUMNS
   WHERE TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
   ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`;

export function discoverTables(config: MysqlSourceConfig): Promise<DiscoveredTable[]> {
  return withMysql(config, async (connection) => {
    const rows = (await mysqlQuery(connection, COLUMNS_SQL)) as ColumnRow[];
    const tables = new Map<string, DiscoveredTable>();
    for (const row of rows) {
      const id = JSON.stringify([row.TABLE_SCHEMA, row.TABLE_NAME]);
      let table = tables.get(id);
      if (!table) {
        table = { schema: row.TABLE_SCHEMA, name: row.TABLE_NAME, columns: [] };
        tables.set(id, table);
      }
      table.columns.push({
        name: row.COLUMN_NAME,
        type: mysqlColumnType(row.DATA_TYPE, row.COLUMN_TYPE),
        nativeType: row.COLUMN_TYPE,
      });
    }
    return [...tables.values()];
  });
}
