/**
 * Plan: run the model query, check the primary key, diff against the delivered state and stage the
 * changes. Returns counts only — row data stays in the control-plane database, never in workflow history.
 */
import { assertPrimaryKeyColumn, cdcFingerprint, type PlanRequest } from '@syncline/cdc';
import type { PlanInput, PlanResult } from '@syncline/contracts';
import { emptyRunCounts, SyncEntity } from '@syncline/db';
import { validateMapping } from '@syncline/mapping';
import { cancellationSignal, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { planRun } from './cdc-engine';
import { loadSyncContext } from './load-sync-context';
import { withFailureMapping } from './to-activity-failure';

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
      const request: PlanRequest = {
        runId: input.runId,
        syncId: input.syncId,
        primaryKey: ctx.model.primaryKey,
        mapping: ctx.sync.mapping,
        duplicateKeyPolicy: ctx.sync.duplicateKeyPolicy,
        fullResync: input.fullResync,
        resetCDC: input.resetCDC,
        keepDeliveredFields: ctx.destination.connector.keepDeliveredFields === true,
        onColumns: (columns) => {
          assertPrimaryKeyColumn(ctx.model.primaryKey, columns);
          validateMapping(ctx.sync.mapping, columns);
          heartbeat();
        },
      };
      const result = await planRun(deps, ctx, request, cancellationSignal());
      if (input.resetCDC) {
        // resetCDC made the current result the delivered state, computed with this mapping.
        await deps.dataSource
          .getRepository(SyncEntity)
          .update(ctx.sync.id, { cdcFingerprint: cdcFingerprint(ctx.model.primaryKey, ctx.sync.mapping) });
      }
      const counts = { ...emptyRunCounts(), planned: result.planned };
      await deps.pool.query(
        `UPDATE sync_run SET status = 'processing', query_rows = $2, skipped_rows = $3, warnings = $4, counts = $5
          WHERE id = $1`,
        [input.runId, result.queryRows, result.skippedRows, JSON.stringify(result.warnings), counts],
      );
      const { added, changed, removed } = result.planned;
      return {
        planned: result.planned,
        stagedChanges: added + changed + removed,
        queryRows: result.queryRows,
        skippedRows: result.skippedRows,
      };
    });
  };
}
