/**
 * The end of every run, whatever the engine: staged changes without an outcome become "aborted" (the next
 * run sends them again), counts are computed from the outcomes, and the staged payloads are dropped.
 */
import type { OpCounts, RunCounts } from '@syncline/contracts';
import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool, 'query'> | PoolClient;

/**
 * Fresh staged rows have no planner statistics; without them Postgres picks nested loops that are
 * quadratic in the run size when commit joins changes to outcomes.
 */
export async function analyzeStagedChanges(db: Queryable): Promise<void> {
  await db.query('ANALYZE cdc_change');
}

/** Same for the row outcomes a delivery just wrote, before commit joins them to the staged changes. */
export async function analyzeOutcomes(db: Queryable): Promise<void> {
  await db.query('ANALYZE sync_run_row');
}

export async function countChanges(db: Queryable, runId: string): Promise<OpCounts> {
  const { rows } = await db.query<{ op: keyof OpCounts; n: string }>(
    `SELECT op, count(*) AS n FROM cdc_change WHERE run_id = $1 GROUP BY op`,
    [runId],
  );
  const counts: OpCounts = { added: 0, changed: 0, removed: 0 };
  for (const r of rows) counts[r.op] = Number(r.n);
  return counts;
}

async function outcomeCounts(db: Queryable, runId: string, planned: OpCounts): Promise<RunCounts> {
  const zero = (): OpCounts => ({ added: 0, changed: 0, removed: 0 });
  const counts: RunCounts = { planned, succeeded: zero(), failed: zero(), deferred: zero(), aborted: zero() };
  const { rows } = await db.query<{ op: keyof OpCounts; status: string; n: string }>(
    `SELECT op, status, count(*) AS n FROM sync_run_row WHERE run_id = $1 GROUP BY op, status`,
    [runId],
  );
  const bucket: Record<string, OpCounts> = {
    accepted: counts.succeeded,
    rejected: counts.failed,
    deferred: counts.deferred,
    aborted: counts.aborted,
  };
  for (const r of rows) {
    const b = bucket[r.status];
    if (b) b[r.op] += Number(r.n);
  }
  return counts;
}

/** Run inside the caller's transaction, after the engine advanced its state. */
export async function finalizeRun(db: Queryable, runId: string): Promise<RunCounts> {
  await db.query(
    `INSERT INTO sync_run_row (run_id, key, op, status)
     SELECT c.run_id, c.key, c.op, 'aborted' FROM cdc_change c WHERE c.run_id = $1
     ON CONFLICT (run_id, key) DO NOTHING`,
    [runId],
  );
  const counts = await outcomeCounts(db, runId, await countChanges(db, runId));
  await db.query('DELETE FROM cdc_change WHERE run_id = $1', [runId]);
  return counts;
}

export async function inTransaction<T>(pool: Pool, body: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
