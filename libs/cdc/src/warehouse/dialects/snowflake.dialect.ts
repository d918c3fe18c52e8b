/**
 * In-warehouse CDC for Snowflake. Row hashes are MD5 of the mapped columns as JSON built with
 * OBJECT_CONSTRUCT_KEEP_NULL, so NULL, '' and 'null' hash apart. Planner names are quoted lower-case and
 * every result column is aliased in quotes, because Snowflake upper-cases unquoted names and the planner reads
 * `key`, `op`, `total`, … . Arrays are bound as JSON text and unpacked with FLATTEN (no array binds in SQL).
 */
import { PLANNER_SCHEMA, snapshotTableName, type MappedColumn, type WarehouseDialect } from '../dialect';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const snap = (syncId: string): string => `${ident(PLANNER_SCHEMA)}.${ident(snapshotTableName(syncId))}`;

function objectOf(pairs: readonly MappedColumn[], name: (c: MappedColumn, i: number) => string): string {
  if (pairs.length === 0) return 'OBJECT_CONSTRUCT()';
  return `OBJECT_CONSTRUCT_KEEP_NULL(${pairs.map((c, i) => `${literal(name(c, i))}, m.${ident(c.column)}`).join(', ')})`;
}

const uniqueCurrent = `SELECT c."key", c."row_hash" FROM cur c
   WHERE c."key" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dup d WHERE d."key" = c."key")`;

export const snowflakeDialect: WarehouseDialect = {
  name: 'snowflake',

  // Creating a schema makes it the session's current schema in Snowflake: the session that runs these
  // statements must `USE SCHEMA` the source's configured schema again afterwards, or the model's unqualified
  // names stop resolving (fakesnow has no session variables to do that from here).
  ensureSnapshot: (syncId) => [
    `CREATE SCHEMA IF NOT EXISTS ${ident(PLANNER_SCHEMA)}`,
    `CREATE TABLE IF NOT EXISTS ${snap(syncId)} ("key" VARCHAR PRIMARY KEY, "row_hash" VARCHAR NOT NULL)`,
  ],

  materializeCurrent: (modelSql, primaryKey, columns) => [
    `CREATE OR REPLACE TEMPORARY TABLE cur AS
       SELECT TO_VARCHAR(m.${ident(primaryKey)}) AS "key",
              MD5(TO_JSON(${objectOf(columns, (_, i) => `c${i}`)})) AS "row_hash"
         FROM (${modelSql}) AS m`,
    `CREATE OR REPLACE TEMPORARY TABLE dup AS
       SELECT "key", COUNT(*) AS "n" FROM cur WHERE "key" IS NOT NULL GROUP BY "key" HAVING COUNT(*) > 1`,
  ],

  countsSql: () =>
    `SELECT (SELECT COUNT(*) FROM cur) AS "total",
            (SELECT COUNT(*) FROM cur WHERE "key" IS NULL) AS "null_keys",
            (SELECT COALESCE(SUM("n"), 0) FROM dup) AS "duplicate_rows"`,

  duplicateSampleSql: (limit) => `SELECT "key" FROM dup ORDER BY "key" LIMIT ${Math.trunc(limit)}`,

  diffSql(syncId, fullResync, modelSql, primaryKey, columns) {
    const full = fullResync ? 'TRUE' : 'FALSE';
    // The model is read a second time, joined to the changed keys, to build payloads for those rows only.
    return `
      WITH u AS (${uniqueCurrent}),
      ch AS (SELECT u."key", IFF(s."key" IS NULL OR ${full}, 'added', 'changed') AS op,
                    IFF(s."key" IS NULL OR ${full}, 0, 1) AS ord, u."row_hash"
               FROM u LEFT JOIN ${snap(syncId)} s ON s."key" = u."key"
              WHERE ${full} OR s."key" IS NULL OR s."row_hash" <> u."row_hash")
      SELECT "key", "op", "row_hash", "payload" FROM (
        SELECT ch."key" AS "key", ch.op AS "op", ch.ord AS ord, ch."row_hash" AS "row_hash",
               TO_JSON(${objectOf(columns, (c) => c.field)}) AS "payload"
          FROM ch JOIN (${modelSql}) AS m ON TO_VARCHAR(m.${ident(primaryKey)}) = ch."key"
        UNION ALL
        SELECT s."key", 'removed', 2, NULL, NULL FROM ${snap(syncId)} s
         WHERE NOT ${full} AND NOT EXISTS (SELECT 1 FROM cur c WHERE c."key" = s."key")
      ) AS diff ORDER BY ord, "key"`;
  },

  resetSnapshot: (syncId) => [
    `DELETE FROM ${snap(syncId)} s WHERE NOT EXISTS (SELECT 1 FROM cur c WHERE c."key" = s."key")`,
    `MERGE INTO ${snap(syncId)} s USING (${uniqueCurrent}) u ON s."key" = u."key"
       WHEN MATCHED THEN UPDATE SET "row_hash" = u."row_hash"
       WHEN NOT MATCHED THEN INSERT ("key", "row_hash") VALUES (u."key", u."row_hash")`,
  ],

  upsertSnapshot: (syncId, keys, hashes) => ({
    sql: `MERGE INTO ${snap(syncId)} s
      USING (SELECT k.value::VARCHAR AS "key", h.value::VARCHAR AS "row_hash"
               FROM (SELECT PARSE_JSON(?) AS ks, PARSE_JSON(?) AS hs) p,
                    LATERAL FLATTEN(INPUT => p.ks) k, LATERAL FLATTEN(INPUT => p.hs) h
              WHERE k.index = h.index) u
         ON s."key" = u."key"
       WHEN MATCHED THEN UPDATE SET "row_hash" = u."row_hash"
       WHEN NOT MATCHED THEN INSERT ("key", "row_hash") VALUES (u."key", u."row_hash")`,
    params: [JSON.stringify(keys), JSON.stringify(hashes)],
  }),

  deleteFromSnapshot: (syncId, keys) => ({
    sql: `DELETE FROM ${snap(syncId)}
           WHERE "key" IN (SELECT f.value::VARCHAR FROM (SELECT PARSE_JSON(?) AS ks) p,
                                LATERAL FLATTEN(INPUT => p.ks) f)`,
    params: [JSON.stringify(keys)],
  }),

  dropSync: (syncId) => [`DROP TABLE IF EXISTS ${snap(syncId)}`],
};
