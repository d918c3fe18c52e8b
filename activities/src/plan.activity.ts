/**
 * Plan: run the model query, check the primary key, diff against the delivered state and stage the
 * changes. Returns counts only — row data stays in the control-plane database, never in workflow history.
 */
import { planChanges } from '@syncline/cdc';
import type { PlanInput, PlanResult } from '@syncline/contracts';
import { emptyRunCounts } from '@syncline/db';
import { validateMapping } from '@syncline/mapping';
import { cancellationSignal, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { loadSyncContext } from './load-sync-context';
import { withFailureMapping } from './to-activity-failure';

const QUERY_TIMEOUT_MS = 30 * 60_000;

export function createPlanActivity(deps: ActivityDeps) {
  return async function plan(input: PlanInput): Promise<PlanResult> {
    return withFailureMapping(async () => {
      const ctx = await loadSyncContext(deps, input.syncId);
      await deps.pool.query(
        `INSERT INTO sync_run (id, workspace_id, sync_id, workflow_id, status, trigger, full_resync, counts, started_at)
         VALUES ($1, $2, $3, $4, 'querying', $5, $6, $7, now())
         ON CONFLICT (id) DO UPDATE SET status = 'querying', full_resync = excluded.full_resync,
           started_at = COALESCE(sync_run.started_at, now())`,
        [
          input.runId,
          ctx.sync.workspaceId,
          input.syncId,
          input.workflowId,
          input.trigger,
          input.fullResync,
          emptyRunCounts(),
        ],
      );
      const rows = ctx.source.connector.query(ctx.source.config, ctx.model.sql, {
        signal: cancellationSignal(),
        timeoutMs: QUERY_TIMEOUT_MS,
      });
      const result = await planChanges(
        deps.pool,
        {
          runId: input.runId,
          syncId: input.syncId,
          primaryKey: ctx.model.primaryKey,
          mapping: ctx.sync.mapping,
          fullResync: input.fullResync,
          onColumns: (columns) => {
            validateMapping(ctx.sync.mapping, columns);
            heartbeat();
          },
        },
        rows,
      );
      const counts = { ...emptyRunCounts(), planned: result.planned };
      await deps.pool.query(
        `UPDATE sync_run SET status = 'processing', query_rows = $2, counts = $3 WHERE id = $1`,
        [input.runId, result.queryRows, counts],
      );
      const stagedChanges = result.planned.added + result.planned.changed + result.planned.removed;
      return { planned: result.planned, stagedChanges, queryRows: result.queryRows };
    });
  };
}
