/**
 * What in-warehouse CDC needs from a SQL dialect. Each warehouse is one small file in dialects/; every
 * statement runs in one session, where the model result is materialised as a session table `cur`.
 */
import type { SqlParam } from '@syncline/domain';

export const PLANNER_SCHEMA = 'syncline_planner';

export interface MappedColumn {
  column: string;
  field: string;
}

export interface ParameterizedSql {
  sql: string;
  params: SqlParam[];
}

export interface WarehouseDialect {
  readonly name: string;
  /** Creates the planner schema and the sync's snapshot table `(key, row_hash)` if missing. */
  ensureSnapshot(syncId: string): string[];
  /** Materialises the model as session tables: current rows (key, row_hash) and repeated keys (key, n). */
  materializeCurrent(modelSql: string, primaryKey: string, columns: readonly MappedColumn[]): string[];
  /** One row: `total`, `null_keys`, `duplicate_rows`. */
  countsSql(): string;
  /** Up to `limit` repeated keys, as `key`. */
  duplicateSampleSql(limit: number): string;
  /** Changed rows only, in delivery order: `key`, `op`, `row_hash`, `payload` (JSON text of mapped columns). */
  diffSql(
    syncId: string,
    fullResync: boolean,
    modelSql: string,
    primaryKey: string,
    columns: readonly MappedColumn[],
  ): string;
  /** Makes the snapshot equal to the current unique rows (resetCDC). */
  resetSnapshot(syncId: string): string[];
  upsertSnapshot(syncId: string, keys: string[], hashes: string[]): ParameterizedSql;
  deleteFromSnapshot(syncId: string, keys: string[]): ParameterizedSql;
  /** Drops everything the planner keeps for a sync. */
  dropSync(syncId: string): string[];
}

/** Planner table names are derived from ids, never from user input. */
export function snapshotTableName(syncId: string): string {
  return `snap_${syncId.replace(/[^a-zA-Z0-9]/g, '').toLowerCase()}`;
}
