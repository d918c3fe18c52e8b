/**
 * Managed CDC, plan step: stream the model's current result into cdc_current (keyed by primary key), then
 * diff it against the delivered state (cdc_state) in SQL and stage the changes in cdc_change, where any
 * worker can deliver them. Memory is bounded by one batch: rows go to Postgres as they arrive.
 */
import type { RunWarning } from '@syncline/contracts';
import type { RowBatch } from '@syncline/domain';
import { applyMapping } from '@syncline/mapping';
import type { Pool } from 'pg';
import { analyzeStagedChanges, countChanges, inTransaction } from '../finalize-run';
import type { PlanOutcome, PlanRequest } from '../plan-request';
import {
  SAMPLE_KEYS,
  assertPrimaryKeyColumn,
  duplicateKeyError,
  duplicateKeyWarning,
  nullKeyWarning,
} from '../primary-key';
import { keyToString, payloadHash } from '../row-hash';
import { CurrentResultWriter } from './current-result-copy';

async function stageCurrentResult(pool: Pool, req: PlanRequest, batches: AsyncIterable<RowBatch>) {
  let queryRows = 0;
  let nullKeys = 0;
  let checkedColumns = false;
  const client = await pool.connect();
  const writer = CurrentResultWriter.open(client, req.runId);
  try {
    for await (const batch of batches) {
      if (!checkedColumns) {
        const names = batch.columns.map((c) => c.name);
        assertPrimaryKeyColumn(req.primaryKey, names);
        req.onColumns?.(names);
        checkedColumns = true;
      }
      const keys: string[] = [];
      const hashes: string[] = [];
      const payloads: string[] = [];
      for (const row of batch.rows) {
        queryRows += 1;
        const key = keyToString(row[req.primaryKey]);
        if (key === null) {
          nullKeys += 1;
          continue;
        }
        const payload = JSON.stringify(applyMapping(row, req.mapping));
        keys.push(key);
        hashes.push(payloadHash(payload));
        payloads.push(payload);
      }
      await writer.write(keys, hashes, payloads);
    }
    await writer.finish();
    client.release();
  } catch (err) {
    writer.destroy(err instanceof Error ? err : new Error(String(err)));
    // A connection left mid-COPY cannot be reused.
    client.release(true);
    throw err;
  }
  return { queryRows, nullKeys };
}

async function duplicateKeys(pool: Pool, runId: string) {
  const { rows } = await pool.query<{ rows: string; sample: string[] | null }>(
    `SELECT coalesce(sum(n), 0) AS rows, (array_agg(key ORDER BY key))[1:${SAMPLE_KEYS}] AS sample
       FROM (SELECT key, count(*) AS n FROM cdc_current WHERE run_id = $1 GROUP BY key HAVING count(*) > 1) d`,
    [runId],
  );
  return { rows: Number(rows[0]?.rows ?? 0), sampleKeys: rows[0]?.sample ?? [] };
}

// Keys that occur once in the current result; repeated keys are neither sent nor treated as removed. Repeats are
// rare, so an anti-join against them is far cheaper than grouping every row with its payload.
const UNIQUE_CURRENT = `SELECT s.key, s.row_hash, s.payload FROM cdc_current s
  WHERE s.run_id = $1 AND s.key NOT IN (SELECT key FROM cdc_current WHERE run_id = $1 GROUP BY key HAVING count(*) > 1)`;

/**
 * With keepDeliveredFields, a changed row also stages the fields last accepted for its key (deliveredFields)
 * and every sent row is marked for commit to keep its fields. The delivered fields are looked up per changed
 * row rather than carried through the join, so the diff itself reads only keys and hashes. A key delivered
 * before its sync kept fields has none: deliveredFields is then absent and the destination sends every field.
 */
async function stageChanges(pool: Pool, req: PlanRequest): Promise<void> {
  // Added rows first, then changed, then removed; seq gives deliver activities a stable resume cursor.
  await pool.query(
    `WITH cur AS (${UNIQUE_CURRENT})
     INSERT INTO cdc_change (run_id, seq, key, op, row_hash, payload, previous_payload, keep_payload)
     SELECT $1, row_number() OVER (ORDER BY ord, key), key, op, row_hash, payload,
            CASE WHEN $4 AND op = 'changed'
                 THEN (SELECT p.payload FROM cdc_state p WHERE p.sync_id = $2 AND p.key = diff.key) END,
            CASE WHEN $4 AND op <> 'removed' THEN true END
       FROM (
       SELECT c.key, CASE WHEN s.key IS NULL OR $3 THEN 'added' ELSE 'changed' END AS op,
              CASE WHEN s.key IS NULL OR $3 THEN 0 ELSE 1 END AS ord, c.row_hash, c.payload::jsonb AS payload
         FROM cur c LEFT JOIN cdc_state s ON s.sync_id = $2 AND s.key = c.key
        WHERE $3 OR s.key IS NULL OR s.row_hash <> c.row_hash
       UNION ALL
       SELECT s.key, 'removed', 2, NULL, NULL
         FROM cdc_state s
        WHERE s.sync_id = $2 AND NOT $3
          AND NOT EXISTS (SELECT 1 FROM cdc_current c WHERE c.run_id = $1 AND c.key = s.key)
     ) AS diff`,
    [req.runId, req.syncId, req.fullResync, req.keepDeliveredFields ?? false],
  );
}

/**
 * resetCDC: the current result becomes the delivered state; nothing is staged. Its fields are kept as the
 * delivered ones when the destination asked for them, and cleared otherwise so no stale fields outlive
 * the hash they belonged to.
 */
async function resetState(pool: Pool, req: PlanRequest): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `DELETE FROM cdc_state s WHERE s.sync_id = $2
         AND NOT EXISTS (SELECT 1 FROM cdc_current c WHERE c.run_id = $1 AND c.key = s.key)`,
      [req.runId, req.syncId],
    );
    await client.query(
      `WITH cur AS (${UNIQUE_CURRENT})
       INSERT INTO cdc_state (sync_id, key, row_hash, payload)
       SELECT $2, key, row_hash, CASE WHEN $3 THEN payload::jsonb END FROM cur
       ON CONFLICT (sync_id, key) DO UPDATE SET row_hash = excluded.row_hash, payload = excluded.payload`,
      [req.runId, req.syncId, req.keepDeliveredFields ?? false],
    );
  });
}

/** Plans a run. Safe to retry: it starts by discarding whatever a previous attempt staged. */
export async function planManaged(
  pool: Pool,
  req: PlanRequest,
  batches: AsyncIterable<RowBatch>,
): Promise<PlanOutcome> {
  const clear = () => pool.query('DELETE FROM cdc_current WHERE run_id = $1', [req.runId]);
  await clear();
  await pool.query('DELETE FROM cdc_change WHERE run_id = $1', [req.runId]);
  try {
    const { queryRows, nullKeys } = await stageCurrentResult(pool, req, batches);
    const warnings: RunWarning[] = nullKeys > 0 ? [nullKeyWarning(req.primaryKey, nullKeys)] : [];
    const dup = await duplicateKeys(pool, req.runId);
    if (dup.rows > 0) {
      if (req.duplicateKeyPolicy === 'fail') throw duplicateKeyError(req.primaryKey, dup);
      warnings.push(duplicateKeyWarning(req.primaryKey, dup));
    }
    if (req.resetCDC) await resetState(pool, req);
    else await stageChanges(pool, req);
    await analyzeStagedChanges(pool);
    return {
      queryRows,
      skippedRows: nullKeys + dup.rows,
      planned: await countChanges(pool, req.runId),
      warnings,
    };
  } finally {
    await clear();
  }
}
