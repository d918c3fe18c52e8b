/**
 * Deliver: read staged changes in batches, write them to the destination and record each row's outcome.
 * The cursor is the last batch with recorded outcomes, so a retried attempt on any worker resumes there;
 * it is also heartbeated so operators see progress in the Temporal UI.
 */
import { deliveredCursor, readStagedChanges, recordOutcomes, type StagedChange } from '@syncline/cdc';
import type { DeliverInput, DeliverResult } from '@syncline/contracts';
import type { DestinationRecord } from '@syncline/domain';
import { cancellationSignal, heartbeat } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import type { ActivityDeps } from './activity-deps';
import { loadSyncContext } from './load-sync-context';
import { withFailureMapping } from './to-activity-failure';

/** Same sync, key and content → same key: a replayed batch is recognisable by the destination. */
function idempotencyKey(syncId: string, change: StagedChange): string {
  return createHash('sha256')
    .update(`${syncId}:${change.key}:${change.op}:${change.rowHash ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

export function createDeliverActivity(deps: ActivityDeps) {
  return async function deliver(input: DeliverInput): Promise<DeliverResult> {
    const signal = cancellationSignal();
    const result: DeliverResult = { attempted: 0, accepted: 0, rejected: 0 };
    return withFailureMapping(async () => {
      const ctx = await loadSyncContext(deps, input.syncId);
      const { connector, config } = ctx.destination;
      const batchSize = connector.batchSize?.(config) ?? connector.defaultBatchSize;
      let cursor = await deliveredCursor(deps.pool, input.runId);
      for (;;) {
        if (signal.aborted) throw new CancelledFailure('Sync run cancelled during delivery');
        const changes = await readStagedChanges(deps.pool, input.runId, cursor, batchSize);
        if (changes.length === 0) return result;
        const records: DestinationRecord[] = changes.map((c) => ({
          key: c.key,
          op: c.op,
          fields: c.fields,
          idempotencyKey: idempotencyKey(input.syncId, c),
        }));
        const outcomes = await connector.write(config, records, {
          mode: ctx.sync.mode,
          object: ctx.sync.destinationObject ?? undefined,
          keyField: ctx.keyField,
          signal,
        });
        await recordOutcomes(deps.pool, input.runId, changes, outcomes);
        cursor = changes[changes.length - 1]?.seq ?? cursor;
        result.attempted += records.length;
        for (const o of outcomes) result[o.status === 'accepted' ? 'accepted' : 'rejected'] += 1;
        heartbeat({ cursor, ...result });
      }
    }).catch((err: unknown) => {
      // An aborted destination call surfaces as a network error; report it as the cancellation it is.
      if (signal.aborted) throw new CancelledFailure('Sync run cancelled during delivery');
      throw err;
    });
  };
}
