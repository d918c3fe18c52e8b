/**
 * SQL for writing a batch: multi-row statements with bound parameters only. Identifiers are quoted, types come
 * from the catalog (format_type), values are never part of the text.
 */
import { quoteIdentifier } from '../../kit/postgres';
import type { TableColumn, TableShape } from './table-columns';

export interface Statement {
  text: string;
  values: unknown[];
}

/** Postgres accepts at most 65535 bind parameters per statement. */
const MAX_PARAMS = 65_535;

export function maxRowsPerStatement(paramsPerRow: number): number {
  return Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, paramsPerRow)));
}

/** A value as a bind parameter for `column`: JSON columns get JSON text (pg would turn arrays into array literals). */
export function toParam(column: TableColumn | undefined, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return column?.json ? JSON.stringify(value) : value;
}

function placeholders(rows: readonly unknown[][], values: unknown[], cast?: readonly string[]): string {
  return rows
    .map((row) => {
      const slots = row.map((value, i) => {
        values.push(value);
        const type = cast?.[i];
        return type ? `CAST($${values.length} AS ${type})` : `$${values.length}`;
      });
      return `(${slots.join(', ')})`;
    })
    .join(', ');
}

/**
 * INSERT of `rows` (values ordered like `columns`, key column first). On a key conflict either overwrite the
 * mapped columns (upsert, mirror) or leave the row alone (insert: a replayed batch changes nothing).
 */
export function insertStatement(
  shape: TableShape,
  columns: readonly string[],
  rows: readonly unknown[][],
  onConflict: 'update' | 'nothing',
): Statement {
  const [keyColumn, ...rest] = columns.map(quoteIdentifier);
  const values: unknown[] = [];
  // In INSERT … VALUES Postgres types each untyped parameter by its target column, so no casts are needed.
  let text = `INSERT INTO ${shape.qualified} (${[keyColumn, ...rest].join(', ')}) VALUES ${placeholders(rows, values)}`;
  text +=
    onConflict === 'update' && rest.length > 0
      ? ` ON CONFLICT (${keyColumn}) DO UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
      : ` ON CONFLICT (${keyColumn}) DO NOTHING`;
  return { text, values };
}

/**
 * UPDATE of existing rows only, joined to a VALUES list whose first column is each row's position in `rows`:
 * RETURNING those positions tells which keys had no row. VALUES columns are named positionally (c0, c1 …) so
 * no user column name can collide with them.
 */
export function updateStatement(
  shape: TableShape,
  columns: readonly string[],
  rows: readonly unknown[][],
): Statement {
  const types = ['integer', ...columns.map((c) => shape.columns.get(c)?.sqlType ?? 'text')];
  const aliases = types.map((_, i) => `c${i}`);
  const values: unknown[] = [];
  const list = placeholders(
    rows.map((row, i) => [i, ...row]),
    values,
    types,
  );
  const [keyColumn, ...rest] = columns.map(quoteIdentifier);
  // With only the key mapped, assigning the key to itself still tells us (via RETURNING) whether the row exists.
  const assignments = rest.length > 0 ? rest.map((c, i) => `${c} = v.c${i + 2}`) : [`${keyColumn} = v.c1`];
  const text =
    `UPDATE ${shape.qualified} AS t SET ${assignments.join(', ')} FROM (VALUES ${list}) AS v(${aliases.join(', ')})` +
    ` WHERE t.${keyColumn} = v.c1 RETURNING v.c0 AS position`;
  return { text, values };
}

/** DELETE by key; deleting a key that is already gone succeeds (mirror replays are idempotent). */
export function deleteStatement(shape: TableShape, keyField: string, keys: readonly string[]): Statement {
  const keyType = shape.columns.get(keyField)?.sqlType ?? 'text';
  return {
    text: `DELETE FROM ${shape.qualified} WHERE ${quoteIdentifier(keyField)} = ANY(CAST($1 AS ${keyType}[]))`,
    values: [keys],
  };
}
