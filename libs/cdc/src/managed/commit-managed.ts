/**
 * Managed CDC, commit step: the delivered state (cdc_state) advances only for rows the destination
 * accepted, in the same transaction that finalizes the run, so a retried commit never half-applies.
 * Delivered fields advance with their hash; rows planned without keepDeliveredFields store none, so kept
 * delivered fields are always the ones their hash was computed from.
 */
import type { RunCounts } from '@syncline/contracts';
import type { Pool } from 'pg';
import { analyzeOutcomes, finalizeRun, inTransaction } from '../finalize-run';

export async function commitManaged(pool: Pool, runId: string, syncId: string): Promise<RunCounts> {
  await analyzeOutcomes(pool);
  return inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO cdc_state (sync_id, key, row_hash, payload)
       SELECT $2, c.key, c.row_hash, CASE WHEN c.keep_payload THEN c.payload END FROM cdc_change c
         JOIN sync_run_row r ON r.run_id = c.run_id AND r.key = c.key
        WHERE c.run_id = $1 AND r.status = 'accepted' AND c.op <> 'removed'
       ON CONFLICT (sync_id, key) DO UPDATE SET row_hash = excluded.row_hash, payload = excluded.payload`,
      [runId, syncId],
    );
    await client.query(
      `DELETE FROM cdc_state s USING cdc_change c, sync_run_row r
        WHERE c.run_id = $1 AND r.run_id = c.run_id AND r.key = c.key AND r.status = 'accepted'
          AND c.op = 'removed' AND s.sync_id = $2 AND s.key = c.key`,
      [runId, syncId],
    );
    return finalizeRun(client, runId);
  });
}
