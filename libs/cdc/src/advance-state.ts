/**
 * Commit step: the delivered state advances only for rows the destination accepted; every staged change
 * without an outcome becomes "aborted" (sent again by the next run). One transaction, so a retried
 * commit never half-applies.
 */
import type { OpCounts, RunCounts } from '@syncline/contracts';
import type { Pool } from 'pg';
import { countChanges } from './plan-changes';

export async function advanceState(pool: Pool, runId: string, syncId: string): Promise<RunCounts> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO cdc_state (sync_id, key, row_hash)
       SELECT $2, c.key, c.row_hash FROM cdc_change c
         JOIN sync_run_row r ON r.run_id = c.run_id AND r.key = c.key
        WHERE c.run_id = $1 AND r.status = 'accepted' AND c.op <> 'removed'
       ON CONFLICT (sync_id, key) DO UPDATE SET row_hash = excluded.row_hash`,
      [runId, syncId],
    );
    await client.query(
      `DELETE FROM cdc_state s USING cdc_change c, sync_run_row r
        WHERE c.run_id = $1 AND r.run_id = c.run_id AND r.key = c.key AND r.status = 'accepted'
          AND c.op = 'removed' AND s.sync_id = $2 AND s.key = c.key`,
      [runId, syncId],
    );
    await client.query(
      `INSERT INTO sync_run_row (run_id, key, op, status)
       SELECT c.run_id, c.key, c.op, 'aborted' FROM cdc_change c WHERE c.run_id = $1
       ON CONFLICT (run_id, key) DO NOTHING`,
      [runId],
    );
    const counts = await runCounts(client, runId);
    await client.query('DELETE FROM cdc_change WHERE run_id = $1', [runId]);
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

type Queryable = Pick<Pool, 'query'>;

async function runCounts(db: Queryable, runId: string): Promise<RunCounts> {
  const zero = (): OpCounts => ({ added: 0, changed: 0, removed: 0 });
  const counts: RunCounts = {
    planned: await countChanges(db, runId),
    succeeded: zero(),
    failed: zero(),
    aborted: zero(),
  };
  const { rows } = await db.query<{ op: keyof OpCounts; status: string; n: string }>(
    `SELECT op, status, count(*) AS n FROM sync_run_row WHERE run_id = $1 GROUP BY op, status`,
    [runId],
  );
  const bucket = { accepted: counts.succeeded, rejected: counts.failed, aborted: counts.aborted } as Record<
    string,
    OpCounts
  >;
  for (const r of rows) {
    const b = bucket[r.status];
    if (b) b[r.op] += Number(r.n);
  }
  return counts;
}
