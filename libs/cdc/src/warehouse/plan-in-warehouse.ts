/**
 * In-warehouse CDC, plan step: the warehouse materialises the model with row hashes, checks the primary key
 * and diffs it against the sync's snapshot table; only changed rows (with payloads) leave the warehouse,
 * staged in the control plane's cdc_change like the managed engine's, so delivery is the same.
 */
import type { RunWarning } from '@syncline/contracts';
import type { FieldMapping, WarehouseSession } from '@syncline/domain';
import type { Pool } from 'pg';
import { analyzeStagedChanges, countChanges } from '../finalize-run';
import type { PlanOutcome, PlanRequest } from '../plan-request';
import { SAMPLE_KEYS, duplicateKeyError, duplicateKeyWarning, nullKeyWarning } from '../primary-key';
import type { MappedColumn, WarehouseDialect } from './dialect';

const DIFF_BATCH = 5_000;

interface DiffRow extends Record<string, unknown> {
  key: string;
  op: string;
  row_hash: string | null;
  payload: string | null;
}

function mappedColumns(mapping: readonly FieldMapping[]): MappedColumn[] {
  return mapping.flatMap((m) => ('from' in m ? [{ column: m.from, field: m.to }] : []));
}

/** Static mapping values never change between runs, so they are added here rather than hashed. */
function staticFields(mapping: readonly FieldMapping[]): Record<string, unknown> {
  return Object.fromEntries(mapping.flatMap((m) => ('static' in m ? [[m.to, m.static]] : [])));
}

async function stageDiff(
  pool: Pool,
  session: WarehouseSession,
  sql: string,
  req: PlanRequest,
): Promise<void> {
  const statics = staticFields(req.mapping);
  const withStatics = Object.keys(statics).length > 0;
  let seq = 0;
  for await (const batch of session.stream<DiffRow>(sql, DIFF_BATCH)) {
    const seqs: number[] = [];
    const payloads = batch.map((r) => {
      seqs.push(++seq);
      if (r.payload === null) return null;
      return withStatics ? JSON.stringify({ ...(JSON.parse(r.payload) as object), ...statics }) : r.payload;
    });
    await pool.query(
      `INSERT INTO cdc_change (run_id, seq, key, op, row_hash, payload)
       SELECT $1, s, k, o, h, p::jsonb FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(s, k, o, h, p)`,
      [
        req.runId,
        seqs,
        batch.map((r) => r.key),
        batch.map((r) => r.op),
        batch.map((r) => r.row_hash),
        payloads,
      ],
    );
  }
}

export async function planInWarehouse(
  pool: Pool,
  session: WarehouseSession,
  dialect: WarehouseDialect,
  req: PlanRequest,
  modelSql: string,
): Promise<PlanOutcome> {
  await pool.query('DELETE FROM cdc_change WHERE run_id = $1', [req.runId]);
  for (const sql of dialect.ensureSnapshot(req.syncId)) await session.execute(sql);
  for (const sql of dialect.materializeCurrent(modelSql, req.primaryKey, mappedColumns(req.mapping))) {
    await session.execute(sql);
  }
  const [counts] = await session.rows<{ total: number; null_keys: number; duplicate_rows: number }>(
    dialect.countsSql(),
  );
  const total = Number(counts?.total ?? 0);
  const nullKeys = Number(counts?.null_keys ?? 0);
  const duplicateRows = Number(counts?.duplicate_rows ?? 0);
  const warnings: RunWarning[] = nullKeys > 0 ? [nullKeyWarning(req.primaryKey, nullKeys)] : [];
  if (duplicateRows > 0) {
    const sample = await session.rows<{ key: string }>(dialect.duplicateSampleSql(SAMPLE_KEYS));
    const dup = { rows: duplicateRows, sampleKeys: sample.map((r) => String(r.key)) };
    if (req.duplicateKeyPolicy === 'fail') throw duplicateKeyError(req.primaryKey, dup);
    warnings.push(duplicateKeyWarning(req.primaryKey, dup));
  }
  if (req.resetCDC) {
    for (const sql of dialect.resetSnapshot(req.syncId)) await session.execute(sql);
  } else {
    const diff = dialect.diffSql(
      req.syncId,
      req.fullResync,
      modelSql,
      req.primaryKey,
      mappedColumns(req.mapping),
    );
    await stageDiff(pool, session, diff, req);
    await analyzeStagedChanges(pool);
  }
  return {
    queryRows: total,
    skippedRows: nullKeys + duplicateRows,
    planned: await countChanges(pool, req.runId),
    warnings,
  };
}
