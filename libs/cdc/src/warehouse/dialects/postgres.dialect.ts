/**
 * In-warehouse CDC for Postgres. Row hashes are md5 of the mapped columns as a row literal, rendered with the
 * session in UTC so timestamps hash the same way on every run.
 */
import { PLANNER_SCHEMA, snapshotTableName, type WarehouseDialect } from '../dialect';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;
const snap = (syncId: string): string => `${ident(PLANNER_SCHEMA)}.${ident(snapshotTableName(syncId))}`;

// Postgres functions take at most 100 arguments: build wide arrays/objects in chunks joined with ||.
function chunked(parts: string[], size: number, wrap: (chunk: string) => string, empty: string): string {
  if (parts.length === 0) return empty;
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += size) chunks.push(wrap(parts.slice(i, i + size).join(', ')));
  return chunks.join(' || ');
}

export const postgresDialect: WarehouseDialect = {
  name: 'postgres',

  ensureSnapshot: (syncId) => [
    `CREATE SCHEMA IF NOT EXISTS ${ident(PLANNER_SCHEMA)}`,
    `CREATE TABLE IF NOT EXISTS ${snap(syncId)} (key text PRIMARY KEY, row_hash text NOT NULL)`,
  ],

  materializeCurrent(modelSql, primaryKey, columns) {
    // ROW(...)::text quotes '' and leaves NULL empty, so NULL, '' and 'null' hash apart; it is much cheaper
    // than building JSON for every row. Payloads are built later, for changed rows only.
    const values = columns.map((c) => `m.${ident(c.column)}`).join(', ');
    return [
      `SET TIME ZONE 'UTC'`,
      `DROP TABLE IF EXISTS pg_temp.cur, pg_temp.dup`,
      `CREATE TEMP TABLE cur AS
         SELECT (m.${ident(primaryKey)})::text AS key, md5(ROW(${values || 'NULL'})::text) AS row_hash
           FROM (${modelSql}) AS m`,
      `CREATE TEMP TABLE dup AS
         SELECT key, count(*) AS n FROM cur WHERE key IS NOT NULL GROUP BY key HAVING count(*) > 1`,
      `ANALYZE cur`,
    ];
  },

  countsSql: () =>
    `SELECT (SELECT count(*) FROM cur)::int AS total,
            (SELECT count(*) FROM cur WHERE key IS NULL)::int AS null_keys,
            (SELECT coalesce(sum(n), 0) FROM dup)::int AS duplicate_rows`,

  duplicateSampleSql: (limit) => `SELECT key FROM dup ORDER BY key LIMIT ${Math.trunc(limit)}`,

  diffSql(syncId, fullResync, modelSql, primaryKey, columns) {
    const full = fullResync ? 'true' : 'false';
    const pairs = columns.map((c) => `${literal(c.field)}, m.${ident(c.column)}`);
    const payload = chunked(pairs, 45, (c) => `jsonb_build_object(${c})`, `'{}'::jsonb`);
    // The model is read a second time, joined to the changed keys, to build payloads for those rows only.
    return `
      WITH u AS (SELECT c.key, c.row_hash FROM cur c
                  WHERE c.key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dup d WHERE d.key = c.key)),
      ch AS (SELECT u.key, CASE WHEN s.key IS NULL OR ${full} THEN 'added' ELSE 'changed' END AS op,
                    CASE WHEN s.key IS NULL OR ${full} THEN 0 ELSE 1 END AS ord, u.row_hash
               FROM u LEFT JOIN ${snap(syncId)} s ON s.key = u.key
              WHERE ${full} OR s.key IS NULL OR s.row_hash <> u.row_hash)
      SELECT key, op, row_hash, payload FROM (
        SELECT ch.key, ch.op, ch.ord, ch.row_hash, (${payload})::text AS payload
          FROM ch JOIN (${modelSql}) AS m ON (m.${ident(primaryKey)})::text = ch.key
        UNION ALL
        SELECT s.key, 'removed', 2, NULL, NULL FROM ${snap(syncId)} s
         WHERE NOT ${full} AND NOT EXISTS (SELECT 1 FROM cur c WHERE c.key = s.key)
      ) AS diff ORDER BY ord, key COLLATE "C"`;
  },

  resetSnapshot: (syncId) => [
    `DELETE FROM ${snap(syncId)} s WHERE NOT EXISTS (SELECT 1 FROM cur c WHERE c.key = s.key)`,
    `INSERT INTO ${snap(syncId)} (key, row_hash)
       SELECT key, row_hash FROM cur c WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dup d WHERE d.key = c.key)
     ON CONFLICT (key) DO UPDATE SET row_hash = excluded.row_hash`,
  ],

  upsertSnapshot: (syncId, keys, hashes) => ({
    sql: `INSERT INTO ${snap(syncId)} (key, row_hash) SELECT * FROM unnest($1::text[], $2::text[])
          ON CONFLICT (key) DO UPDATE SET row_hash = excluded.row_hash`,
    params: [keys, hashes],
  }),

  deleteFromSnapshot: (syncId, keys) => ({
    sql: `DELETE FROM ${snap(syncId)} WHERE key = ANY($1::text[])`,
    params: [keys],
  }),

  dropSync: (syncId) => [`DROP TABLE IF EXISTS ${snap(syncId)}`],
};
