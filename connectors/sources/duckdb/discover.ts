/** The DuckDB source's `discover`: every table and view in the file, typed columns. */
import type { DiscoveredTable } from '@syncline/domain';
import { sourceQueryFailed, errorMessage } from '../../kit/source-errors';
import { duckdbColumn } from './column-types';
import type { DuckdbSourceConfig } from './duckdb-source.config';
import { openDuckdb } from './open-duckdb';

const COLUMNS_SQL = `
  SELECT table_schema, table_name, column_name, data_type
    FROM information_schema.columns
   WHERE table_schema NOT IN ('information_schema', 'pg_catalog')
   ORDER BY table_schema, table_name, ordinal_position`;

export async function discoverTables(config: DuckdbSourceConfig): Promise<DiscoveredTable[]> {
  const session = await openDuckdb(config);
  try {
    const reader = await session.connection.runAndReadAll(COLUMNS_SQL);
    const tables = new Map<string, DiscoveredTable>();
    for (const row of reader.getRowObjectsJson()) {
      const [schema, name] = [String(row.table_schema), String(row.table_name)];
      const id = JSON.stringify([schema, name]);
      let table = tables.get(id);
      if (!table) {
        table = { schema, name, columns: [] };
        tables.set(id, table);
      }
      table.columns.push(duckdbColumn(String(row.column_name), String(row.data_type)));
    }
    return [...tables.values()];
  } catch (err) {
    throw sourceQueryFailed('query', errorMessage(err), err);
  } finally {
    session.close();
  }
}
