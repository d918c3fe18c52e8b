/**
 * Deliver step: staged changes are read in seq order by any worker; each batch's outcomes are recorded
 * in one statement, so "the highest seq with an outcome" is a resume cursor that survives worker crashes.
 * "Delivered fields" (the fields last accepted for a key) are stored in columns named before the concept
 * had one name — cdc_state.payload, cdc_change.previous_payload and cdc_change.keep_payload — and kept so
 * workers of the previous release read and write the same columns during a rolling upgrade.
 */
import type { RowOp } from '@syncline/contracts';
import type { RecordOutcome } from '@syncline/domain';
import type { Pool } from 'pg';

export interface StagedChange {
  seq: number;
  key: string;
  op: RowOp;
  rowHash: string | null;
  fields: Record<string, unknown>;
  /** For a changed row, the fields last accepted for its key, where the sync keeps them (managed engine). */
  deliveredFields?: Record<string, unknown>;
}

export async function readStagedChanges(
  pool: Pool,
  runId: string,
  afterSeq: number,
  limit: number,
): Promise<StagedChange[]> {
  const { rows } = await pool.query<{
    seq: number;
    key: string;
    op: RowOp;
    row_hash: string | null;
    payload: Record<string, unknown> | null;
    delivered_fields: Record<string, unknown> | null;
  }>(
    `SELECT seq, key, op, row_hash, payload, previous_payload AS delivered_fields FROM cdc_change
      WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [runId, afterSeq, limit],
  );
  return rows.map((r) => ({
    seq: r.seq,
    key: r.key,
    op: r.op,
    rowHash: r.row_hash,
    fields: r.payload ?? {},
    ...(r.delivered_fields ? { deliveredFields: r.delivered_fields } : {}),
  }));
}

/** The last seq whose batch has recorded outcomes (0 when none): where a retried attempt resumes. */
export async function deliveredCursor(pool: Pool, runId: string): Promise<number> {
  const { rows } = await pool.query<{ seq: number | null }>(
    `SELECT max(c.seq) AS seq FROM cdc_change c
       JOIN sync_run_row r ON r.run_id = c.run_id AND r.key = c.key
      WHERE c.run_id = $1`,
    [runId],
  );
  return rows[0]?.seq ?? 0;
}

export async function recordOutcomes(
  pool: Pool,
  runId: string,
  changes: StagedChange[],
  outcomes: RecordOutcome[],
): Promise<void> {
  const opByKey = new Map(changes.map((c) => [c.key, c.op]));
  const keys: string[] = [];
  const ops: string[] = [];
  const statuses: string[] = [];
  const reasons: (string | null)[] = [];
  for (const o of outcomes) {
    const op = opByKey.get(o.key);
    if (op === undefined) continue; // a destination answering for a key we did not send is ignored
    keys.push(o.key);
    ops.push(op);
    statuses.push(o.status);
    reasons.push(o.status === 'accepted' ? null : o.reason);
  }
  await pool.query(
    `INSERT INTO sync_run_row (run_id, key, op, status, reason)
     SELECT $1, k, o, s, r FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(k, o, s, r)
     ON CONFLICT (run_id, key) DO UPDATE SET status = excluded.status, reason = excluded.reason`,
    [runId, keys, ops, statuses, reasons],
  );
}
