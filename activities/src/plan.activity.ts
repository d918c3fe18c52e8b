/**
 * Plan: pin the run's settings on its record, run the model query, check the primary key, diff against the
 * delivered state and stage the changes. Returns counts only — row data stays in the control-plane
 * database, never in workflow history.
 */
import { assertPrimaryKeyColumn, type PlanRequest } from '@syncline/cdc';
import type { PlanInput, PlanResult } from '@syncline/contracts';
import { emptyRunCounts, SyncEntity, SyncRunStore } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { validateMapping } from '@syncline/mapping';
import { cancellationSignal, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from './activity-deps';
import { planRun } from './cdc-engine';
import { runContext } from './run-context';
import { withFailureMapping } from './to-activity-failure';

export function createPlanActivity(deps: ActivityDeps) {
  return async function plan(input: PlanInput): Promise<PlanResult> {
    return withFailureMapping(async () => {
      const runs = new SyncRunStore(deps.dataSource);
      const sync = await deps.dataSource.getRepository(SyncEntity).findOneBy({ id: input.syncId });
      if (!sync) throw new SynclineError(ErrorCode.NotFound, `The sync ${input.syncId} no longer exists.`);
      await runs.startPlan({
        id: input.runId,
        workspaceId: sync.workspaceId,
        syncId: input.syncId,
        trigger: input.trigger,
        fullResync: input.fullResync,
      });
      const ctx = await runContext(deps, input.runId, input.syncId);
      heartbeat();
      const { settings } = ctx;
      const request: PlanRequest = {
        runId: input.runId,
        syncId: input.syncId,
        primaryKey: settings.primaryKey,
        mapping: settings.mapping,
        duplicateKeyPolicy: settings.duplicateKeyPolicy,
        fullResync: input.fullResync,
        resetCDC: input.resetCDC,
        keepDeliveredFields: settings.keepDeliveredFields,
        onColumns: (columns) => {
          assertPrimaryKeyColumn(settings.primaryKey, columns);
          validateMapping(settings.mapping, columns);
          heartbeat();
        },
      };
      const result = await planRun(deps, ctx, request, cancellationSignal());
      if (input.resetCDC) {
        // resetCDC made the current result the delivered state, computed with the planned mapping.
        await deps.dataSource
          .getRepository(SyncEntity)
          .update(input.syncId, { cdcFingerprint: settings.mappingFingerprint });
      }
      await runs.recordPlan(input.runId, {
        queryRows: result.queryRows,
        skippedRows: result.skippedRows,
        warnings: result.warnings,
        counts: { ...emptyRunCounts(), planned: result.planned },
      });
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
