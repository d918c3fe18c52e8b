/** What the destination knows about a table: its columns, their SQL types and whether a mapping must fill them. */
import type { DestinationFieldType } from '@syncline/domain';
import type { ClientBase } from 'pg';
import { quoteQualified } from '../../kit/postgres';

export interface TableColumn {
  name: string;
  /** format_type() output, valid in a cast: `integer`, `character varying(80)`, `"MyEnum"`. */
  sqlType: string;
  /** What mapped values are coerced to for this column (DestinationField.type). */
  fieldType: DestinationFieldType;
  json: boolean;
  required: boolean;
  generated: boolean;
}

export interface TableShape {
  schema: string;
  table: string;
  /** `"schema"."table"`, quoted for SQL and for messages alike. */
  qualified: string;
  columns: Map<string, TableColumn>;
}

interface ColumnRow {
  name: string | null;
  sql_type: string | null;
  type_oid: number | null;
  type_category: string | null;
  not_null: boolean | null;
  has_default: boolean | null;
  generated: boolean | null;
}

const JSON_OIDS = new Set([114, 3802]);
const INTEGER_OIDS = new Set([20, 21, 23]);
const DATE_OID = 1082;
const TIMESTAMP_OIDS = new Set([1114, 1184]);

/** pg_type.typcategory (domains share their base type's) plus OIDs where a category spans several types. */
function fieldTypeOf(oid: number, category: string | null): DestinationFieldType {
  if (JSON_OIDS.has(oid) || category === 'A') return 'json';
  if (INTEGER_OIDS.has(oid)) return 'integer';
  if (oid === DATE_OID) return 'date';
  if (TIMESTAMP_OIDS.has(oid)) return 'datetime';
  if (category === 'N') return 'number';
  if (category === 'B') return 'boolean';
  if (category === 'E') return 'enumeration';
  return 'string';
}

// LEFT JOIN so a table without columns still answers one row: no row at all means no such table.
const TABLE_SQL = `
  SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS sql_type, a.atttypid::int AS type_oid,
         a.attnotnull AS not_null, (a.atthasdef OR a.attidentity <> '') AS has_default,
         a.attgenerated <> '' AS generated, t.typcategory AS type_category
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_type t ON t.oid = a.atttypid
   WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')
   ORDER BY a.attnum`;

/** The table's shape, or undefined when the schema has no such table. */
export async function loadTable(
  client: ClientBase,
  schema: string,
  table: string,
): Promise<TableShape | undefined> {
  const { rows } = await client.query<ColumnRow>(TABLE_SQL, [schema, table]);
  if (rows.length === 0) return undefined;
  const columns = new Map<string, TableColumn>();
  for (const row of rows) {
    if (row.name === null || row.sql_type === null) continue;
    columns.set(row.name, {
      name: row.name,
      sqlType: row.sql_type,
      fieldType: fieldTypeOf(row.type_oid ?? 0, row.type_category),
      json: JSON_OIDS.has(row.type_oid ?? 0),
      required: row.not_null === true && row.has_default !== true && row.generated !== true,
      generated: row.generated === true,
    });
  }
  return { schema, table, qualified: quoteQualified(schema, table), columns };
}

export async function listTables(client: ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    [schema],
  );
  return rows.map((r) => r.name);
}
