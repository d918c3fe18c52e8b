/** The Postgres source's `discover`: every table and view the configured user can see, with typed columns. */
import type { DiscoveredTable } from '@syncline/domain';
import { connectPg } from '../../kit/postgres';
import { pgColumn } from './column-types';
import type { PostgresSourceConfig } from './postgres-source.config';
import { sourceConnectError, sourceQueryError } from './source-errors';

interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  type_oid: number | null;
}

// information_schema only lists what the user may access; the OID (via regtype) feeds the shared type mapping.
// `pg\_%` covers pg_catalog, pg_toast and other sessions' temp schemas.
const COLUMNS_SQL = `
  SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_name,
         to_regtype(quote_ident(c.udt_schema) || '.' || quote_ident(c.udt_name))::oid::int AS type_oid
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
   WHERE c.table_schema <> 'information_schema' AND c.table_schema NOT LIKE 'pg\\_%'
   ORDER BY c.table_schema, c.table_name, c.ordinal_position`;

export async function discoverTables(config: PostgresSourceConfig): Promise<DiscoveredTable[]> {
  const client = await connectPg(config, { applicationName: 'syncline-source' }).catch((err: unknown) => {
    throw sourceConnectError(err, config);
  });
  try {
    const { rows } = await client.query<ColumnRow>(COLUMNS_SQL).catch((err: unknown) => {
      throw sourceQueryError(err, config, false);
    });
    const tables = new Map<string, DiscoveredTable>();
    for (const row of rows) {
      const id = JSON.stringify([row.table_schema, row.table_name]);
      let table = tables.get(id);
      if (!table) {
        table = { schema: row.table_schema, name: row.table_name, columns: [] };
        tables.set(id, table);
      }
      // Enums, domains over extension types etc. show the server's own type name.
      const hint =
        row.data_type === 'USER-DEFINED' || row.data_type === 'ARRAY' ? row.udt_name : row.data_type;
      table.columns.push(pgColumn(row.column_name, row.type_oid ?? 0, hint));
    }
    return [...tables.values()];
  } finally {
    await client.end().catch(() => undefined);
  }
}
