/**
 * Picks the CDC engine of a sync run from its source: managed (default) or in-warehouse (opt-in per source,
 * when the source connector offers a warehouse session). Activities call these; the engines live in libs/cdc.
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
import type { SyncContext } from './load-sync-context';

const QUERY_TIMEOUT_MS = 30 * 60_000;

async function withWarehouse<T>(
  ctx: SyncContext,
  signal: AbortSignal,
  body: (session: WarehouseSession, dialect: ReturnType<typeof warehouseDialect>) => Promise<T>,
): Promise<T> {
  const capability = ctx.source.connector.warehouse;
  if (!capability) {
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Source "${ctx.source.entity.name}" (${ctx.source.entity.type}) cannot run in-warehouse CDC; switch it to the managed engine.`,
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
  ctx: SyncContext,
  req: PlanRequest,
  signal: AbortSignal,
): Promise<PlanOutcome> {
  const { connector, config } = ctx.source;
  if (ctx.source.entity.cdcEngine !== 'in-warehouse') {
    return planManaged(
      deps.pool,
      req,
      connector.query(config, ctx.model.sql, { signal, timeoutMs: QUERY_TIMEOUT_MS }),
    );
  }
  // Checks columns (primary key, mapping) with a one-row read before the warehouse does the heavy work.
  for await (const batch of connector.query(config, ctx.model.sql, { signal, limit: 1 })) {
    req.onColumns?.(batch.columns.map((c) => c.name));
    break;
  }
  return withWarehouse(ctx, signal, (session, dialect) =>
    planInWarehouse(deps.pool, session, dialect, req, ctx.model.sql),
  );
}

export function commitRun(
  deps: ActivityDeps,
  ctx: SyncContext,
  runId: string,
  signal: AbortSignal,
): Promise<RunCounts> {
  if (ctx.source.entity.cdcEngine !== 'in-warehouse') return commitManaged(deps.pool, runId, ctx.sync.id);
  return withWarehouse(ctx, signal, (session, dialect) =>
    commitInWarehouse(deps.pool, session, dialect, runId, ctx.sync.id),
  );
}
