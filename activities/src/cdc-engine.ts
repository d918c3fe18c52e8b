/**
 * Runs the CDC engine the run's plan pinned (the source's choice when the run was planned): managed
 * (default) or in-warehouse (opt-in per source, when the source connector offers a warehouse session).
 * Activities call these; the engines live in libs/cdc.
 */
import {
  commitInWarehouse,
  commitManaged,
  planInWarehouse,
  planManaged,
  warehouseDialect,
  type PlanOutcome,
  type PlanRequest,
} from '@syncline/cdc';
import type { RunCounts } from '@syncline/contracts';
import type { WarehouseSession } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { ActivityDeps } from './activity-deps';
import type { RunContext } from './run-context';

const QUERY_TIMEOUT_MS = 30 * 60_000;

async function withWarehouse<T>(
  ctx: RunContext,
  signal: AbortSignal,
  body: (session: WarehouseSession, dialect: ReturnType<typeof warehouseDialect>) => Promise<T>,
): Promise<T> {
  const capability = ctx.source.connector.warehouse;
  if (!capability) {
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Source ${ctx.settings.sourceId} (${ctx.settings.sourceType}) cannot run in-warehouse CDC; switch it to the managed engine.`,
    );
  }
  const dialect = warehouseDialect(capability.dialect);
  const session = await capability.openSession(ctx.source.config, { signal });
  try {
    return await body(session, dialect);
  } finally {
    await session.close();
  }
}

export async function planRun(
  deps: ActivityDeps,
  ctx: RunContext,
  req: PlanRequest,
  signal: AbortSignal,
): Promise<PlanOutcome> {
  const { connector, config } = ctx.source;
  const { cdcEngine, modelSql } = ctx.settings;
  if (cdcEngine !== 'in-warehouse') {
    return planManaged(
      deps.pool,
      req,
      connector.query(config, modelSql, { signal, timeoutMs: QUERY_TIMEOUT_MS }),
    );
  }
  // Checks columns (primary key, mapping) with a one-row read before the warehouse does the heavy work.
  for await (const batch of connector.query(config, modelSql, { signal, limit: 1 })) {
    req.onColumns?.(batch.columns.map((c) => c.name));
    break;
  }
  return withWarehouse(ctx, signal, (session, dialect) =>
    planInWarehouse(deps.pool, session, dialect, req, modelSql),
  );
}

export function commitRun(
  deps: ActivityDeps,
  ctx: RunContext,
  runId: string,
  signal: AbortSignal,
): Promise<RunCounts> {
  const { syncId } = ctx.run;
  if (ctx.settings.cdcEngine !== 'in-warehouse') return commitManaged(deps.pool, runId, syncId);
  return withWarehouse(ctx, signal, (session, dialect) =>
    commitInWarehouse(deps.pool, session, dialect, runId, syncId),
  );
}
