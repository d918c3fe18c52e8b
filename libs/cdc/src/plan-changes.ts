/**
 * Managed CDC, plan step: stream the model result into a snapshot keyed by primary key, check the key,
 * then diff it against the delivered state in SQL and stage the changes for delivery.
 * Memory is bounded by one batch: rows go to Postgres as they arrive.
 */
import type { OpCounts } from '@syncline/contracts';
import type { FieldMapping, RowBatch } from '@syncline/domain';
import type { Pool } from 'pg';
import { applyMapping } from '@syncline/mapping';
import {
  SAMPLE_KEYS,
  assertPrimaryKeyColumn,
  duplicatePrimaryKeyError,
  nullPrimaryKeyError,
} from './primary-key';
import { keyToString, rowHash } from './row-hash';

export interface PlanChangesInput {
  runId: string;
  syncId: string;
  primaryKey: string;
  mapping: readonly FieldMapping[];
  /** Send every current row as added and stage no removals. */
  fullResync: boolean;
  /** Called with the column names of the first batch, before any row is staged (mapping checks). */
  onColumns?: (columns: string[]) => void;
}

export interface PlannedChanges {
  queryRows: number;
  planned: OpCounts;
}

async function stageSnapshot(
  pool: Pool,
  input: PlanChangesInput,
  batches: AsyncIterable<RowBatch>,
): Promise<number> {
  let rowNumber = 0;
  let checkedColumns = false;
  const nullRows: number[] = [];
  let nullCount = 0;
  for await (const batch of batches) {
    if (!checkedColumns) {
      const names = batch.columns.map((c) => c.name);
      assertPrimaryKeyColumn(input.primaryKey, names);
      input.onColumns?.(names);
      checkedColumns = true;
    }
    const keys: string[] = [];
    const hashes: string[] = [];
    const payloads: string[] = [];
    for (const row of batch.rows) {
      rowNumber += 1;
      const key = keyToString(row[input.primaryKey]);
      if (key === null) {
        nullCount += 1;
        if (nullRows.length < SAMPLE_KEYS) nullRows.push(rowNumber);
        continue;
      }
      const fields = applyMapping(row, input.mapping);
      keys.push(key);
      hashes.push(rowHash(fields));
      payloads.push(JSON.stringify(fields));
    }
    if (keys.length > 0) {
      await pool.query(
        `INSERT INTO cdc_snapshot (run_id, key, row_hash, payload)
         SELECT $1, k, h, p::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS t(k, h, p)`,
        [input.runId, keys, hashes, payloads],
      );
    }
  }
  if (nullCount > 0) throw nullPrimaryKeyError(input.primaryKey, nullCount, nullRows);
  return rowNumber;
}

async function assertUniqueKeys(pool: Pool, input: PlanChangesInput): Promise<void> {
  const { rows } = await pool.query<{ key: string }>(
    `SELECT key FROM cdc_snapshot WHERE run_id = $1 GROUP BY key HAVING count(*) > 1 ORDER BY key LIMIT ${SAMPLE_KEYS}`,
    [input.runId],
  );
  if (rows.length > 0)
    throw duplicatePrimaryKeyError(
      input.primaryKey,
      rows.map((r) => r.key),
    );
}

async function stageChanges(pool: Pool, input: PlanChangesInput): Promise<OpCounts> {
  // Added rows first, then changed, then removed; seq gives deliver activities a stable resume cursor.
  await pool.query(
    `INSERT INTO cdc_change (run_id, seq, key, op, row_hash, payload)
     SELECT $1, row_number() OVER (ORDER BY ord, key), key, op, row_hash, payload FROM (
       SELECT c.key, CASE WHEN s.key IS NULL OR $3 THEN 'added' ELSE 'changed' END AS op,
              CASE WHEN s.key IS NULL OR $3 THEN 0 ELSE 1 END AS ord, c.row_hash, c.payload
         FROM cdc_snapshot c LEFT JOIN cdc_state s ON s.sync_id = $2 AND s.key = c.key
        WHERE c.run_id = $1 AND ($3 OR s.key IS NULL OR s.row_hash <> c.row_hash)
       UNION ALL
       SELECT s.key, 'removed', 2, NULL, NULL
         FROM cdc_state s
        WHERE s.sync_id = $2 AND NOT $3
          AND NOT EXISTS (SELECT 1 FROM cdc_snapshot c WHERE c.run_id = $1 AND c.key = s.key)
     ) AS diff`,
    [input.runId, input.syncId, input.fullResync],
  );
  return countChanges(pool, input.runId);
}

export async function countChanges(pool: Pick<Pool, 'query'>, runId: string): Promise<OpCounts> {
  const { rows } = await pool.query<{ op: keyof OpCounts; n: string }>(
    `SELECT op, count(*) AS n FROM cdc_change WHERE run_id = $1 GROUP BY op`,
    [runId],
  );
  const counts: OpCounts = { added: 0, changed: 0, removed: 0 };
  for (const r of rows) counts[r.op] = Number(r.n);
  return counts;
}

async function clearRun(pool: Pool, runId: string): Promise<void> {
  await pool.query('DELETE FROM cdc_snapshot WHERE run_id = $1', [runId]);
}

/** Plans a run. Safe to retry: it starts by discarding whatever a previous attempt staged. */
export async function planChanges(
  pool: Pool,
  input: PlanChangesInput,
  batches: AsyncIterable<RowBatch>,
): Promise<PlannedChanges> {
  await clearRun(pool, input.runId);
  await pool.query('DELETE FROM cdc_change WHERE run_id = $1', [input.runId]);
  try {
    const queryRows = await stageSnapshot(pool, input, batches);
    await assertUniqueKeys(pool, input);
    const planned = await stageChanges(pool, input);
    return { queryRows, planned };
  } finally {
    await clearRun(pool, input.runId);
  }
}
