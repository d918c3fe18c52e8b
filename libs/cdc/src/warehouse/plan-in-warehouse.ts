/**
 * In-warehouse CDC, plan step: the warehouse materialises the model with row hashes, checks the primary key
 * and diffs it against the sync's snapshot table; only changed rows (with payloads) leave the warehouse,
 * staged in the control plane's cdc_change like the managed engine's, so delivery is the same. Templates are
 * rendered here, on the changed rows only, since SQL cannot run Liquid.
 */
import type { RunWarning } from '@syncline/contracts';
import { mappingUsesTemplates, type FieldMapping, type WarehouseSession } from '@syncline/domain';
import { applyMapping } from '@syncline/mapping';
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

/**
 * What the warehouse hashes and returns for changed rows, and how a returned payload becomes the staged one.
 * Column mappings without nesting or statics are built entirely in SQL. Otherwise the payload is finished
 * here with applyMapping, so both engines shape fields the same way.
 */
interface PayloadPlan {
  columns: MappedColumn[];
  finish?: (payload: Record<string, unknown>) => Record<string, unknown>;
}

function payloadPlan(mapping: readonly FieldMapping[], modelColumns: readonly string[]): PayloadPlan {
  if (mappingUsesTemplates(mapping)) {
    // A template may read any column: hash them all and hand the whole row to the mapping.
    return {
      columns: modelColumns.map((column) => ({ column, field: column })),
      finish: (row) => applyMapping(row, mapping),
    };
  }
  // Hashes cover the `from` columns in mapping order, as they always have: existing snapshots stay valid.
  const columns = mapping.flatMap((m) => ('from' in m ? [{ column: m.from, field: m.to }] : []));
  const needsFinish = mapping.some((m) => !('from' in m) || m.to.includes('.'));
  if (!needsFinish) return { columns };
  // The SQL payload is keyed by `to`; re-map it so statics are added and dotted paths nest.
  const fromPayload = mapping.map((m) => ('from' in m ? { from: m.to, to: m.to } : m));
  return { columns, finish: (payload) => applyMapping(payload, fromPayload) };
}

/** The model's column names, read from one row; an empty result has nothing to hash or send. */
async function modelColumns(session: WarehouseSession, modelSql: string): Promise<string[]> {
  const [first] = await session.rows(`SELECT * FROM (${modelSql}) AS m LIMIT 1`);
  return first ? Object.keys(first) : [];
}

async function stageDiff(
  pool: Pool,
  session: WarehouseSession,
  sql: string,
  req: PlanRequest,
  finish: PayloadPlan['finish'],
): Promise<void> {
  let seq = 0;
  for await (const batch of session.stream<DiffRow>(sql, DIFF_BATCH)) {
    const seqs: number[] = [];
    const payloads = batch.map((r) => {
      seqs.push(++seq);
      if (r.payload === null || !finish) return r.payload;
      return JSON.stringify(finish(JSON.parse(r.payload) as Record<string, unknown>));
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
  const plan = payloadPlan(
    req.mapping,
    mappingUsesTemplates(req.mapping) ? await modelColumns(session, modelSql) : [],
  );
  for (const sql of dialect.materializeCurrent(modelSql, req.primaryKey, plan.columns)) {
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
    const diff = dialect.diffSql(req.syncId, req.fullResync, modelSql, req.primaryKey, plan.columns);
    await stageDiff(pool, session, diff, req, plan.finish);
    await analyzeStagedChanges(pool);
  }
  return {
    queryRows: total,
    skippedRows: nullKeys + duplicateRows,
    planned: await countChanges(pool, req.runId),
    warnings,
  };
}
