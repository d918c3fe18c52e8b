/**
 * In-warehouse CDC, commit step: push the accepted changes (keys and hashes only) into the sync's snapshot
 * table in the warehouse, then finalize the run in the control plane. Re-running it is harmless: upserts
 * and deletes by key are idempotent, and the staged changes are only dropped once the warehouse has them.
 */
import type { RunCounts } from '@syncline/contracts';
import type { WarehouseSession } from '@syncline/domain';
import type { Pool } from 'pg';
import { analyzeOutcomes, finalizeRun, inTransaction } from '../finalize-run';
import type { WarehouseDialect } from './dialect';

const PUSH_BATCH = 5_000;

interface Accepted {
  seq: number;
  key: string;
  op: string;
  row_hash: string | null;
}

export async function commitInWarehouse(
  pool: Pool,
  session: WarehouseSession,
  dialect: WarehouseDialect,
  runId: string,
  syncId: string,
): Promise<RunCounts> {
  for (const sql of dialect.ensureSnapshot(syncId)) await session.execute(sql);
  await analyzeOutcomes(pool);
  let cursor = 0;
  for (;;) {
    const { rows } = await pool.query<Accepted>(
      `SELECT c.seq, c.key, c.op, c.row_hash FROM cdc_change c
        WHERE c.run_id = $1 AND c.seq > $2
          AND EXISTS (SELECT 1 FROM sync_run_row r WHERE r.run_id = c.run_id AND r.key = c.key AND r.status = 'accepted')
        ORDER BY c.seq LIMIT ${PUSH_BATCH}`,
      [runId, cursor],
    );
    if (rows.length === 0) break;
    const upserts = rows.filter((r) => r.op !== 'removed');
    const removals = rows.filter((r) => r.op === 'removed');
    if (upserts.length > 0) {
      const { sql, params } = dialect.upsertSnapshot(
        syncId,
        upserts.map((r) => r.key),
        upserts.map((r) => r.row_hash ?? ''),
      );
      await session.execute(sql, params);
    }
    if (removals.length > 0) {
      const { sql, params } = dialect.deleteFromSnapshot(
        syncId,
        removals.map((r) => r.key),
      );
      await session.execute(sql, params);
    }
    cursor = rows[rows.length - 1]!.seq;
  }
  return inTransaction(pool, (client) => finalizeRun(client, runId));
}

/** Dropping a sync drops what the planner keeps for it in the warehouse. */
export async function dropWarehouseState(
  session: WarehouseSession,
  dialect: WarehouseDialect,
  syncId: string,
): Promise<void> {
  for (const sql of dialect.dropSync(syncId)) await session.execute(sql);
}
