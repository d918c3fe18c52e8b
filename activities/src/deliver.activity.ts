/**
 * Deliver: read staged changes in batches, write them to the destination through its shared rate-limit
 * gate (a batch it refuses whole is split to isolate the bad rows) and record each row's outcome.
 * The cursor is the last batch with recorded outcomes, so a retried attempt on any worker resumes there;
 * it is also heartbeated so operators see progress in the Temporal UI.
 */
import { deliveredCursor, readStagedChanges, recordOutcomes, type StagedChange } from '@syncline/cdc';
import { writeIsolating } from '@syncline/connectors';
import type { DeliverInput, DeliverResult } from '@syncline/contracts';
import { SyncRunStore } from '@syncline/db';
import type { DestinationRecord } from '@syncline/domain';
import type { SynclineError } from '@syncline/errors';
import { activityInfo, cancellationSignal, heartbeat } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import type { ActivityDeps } from './activity-deps';
import { type DeliverProgress, stalledAttempts, transientFailure } from './deliver-backoff';
import { destinationGate } from './destination-gate';
import { runContext } from './run-context';
import { withFailureMapping } from './to-activity-failure';

/** Same sync, key and content → same key: a replayed batch is recognisable by the destination. */
function idempotencyKey(syncId: string, change: StagedChange): string {
  return createHash('sha256')
    .update(`${syncId}:${change.key}:${change.op}:${change.rowHash ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Heartbeats go out on a timer, not only per batch: a batch may wait at the shared gate (a destination's
 * 429 pause) for longer than the heartbeat timeout, while a killed worker must still be noticed fast.
 */
const HEARTBEAT_EVERY_MS = 3_000;

type Progress = DeliverProgress & DeliverResult;

/** The batches of one attempt, from the recorded cursor on; `state.progress` is what the ticker heartbeats. */
async function deliverBatches(
  deps: ActivityDeps,
  input: DeliverInput,
  signal: AbortSignal,
  previous: DeliverProgress | undefined,
  state: { progress: Progress },
): Promise<DeliverResult> {
  const result: DeliverResult = { attempted: 0, accepted: 0, rejected: 0, deferred: 0 };
  try {
    const ctx = await runContext(deps, input.runId, input.syncId);
    await new SyncRunStore(deps.dataSource).startDeliver(input.runId);
    const { connector, config } = ctx.destination;
    const batchSize = connector.batchSize?.(config) ?? connector.defaultBatchSize;
    const gate = destinationGate(deps, ctx);
    let cursor = await deliveredCursor(deps.pool, input.runId);
    state.progress = { cursor, stalled: stalledAttempts(previous, cursor), ...result };
    // Recorded now, so an attempt that fails before its first batch still passes its stall count on.
    heartbeat(state.progress);
    for (;;) {
      if (signal.aborted) throw new CancelledFailure('Sync run cancelled during delivery');
      const changes = await readStagedChanges(deps.pool, input.runId, cursor, batchSize);
      if (changes.length === 0) return result;
      const records: DestinationRecord[] = changes.map((c) => ({
        key: c.key,
        op: c.op,
        fields: c.fields,
        deliveredFields: c.deliveredFields,
        idempotencyKey: idempotencyKey(input.syncId, c),
      }));
      const outcomes = await writeIsolating(connector, config, records, {
        mode: ctx.settings.mode,
        runId: input.runId,
        object: ctx.settings.destinationObject ?? undefined,
        keyField: ctx.settings.keyField ?? undefined,
        signal,
        gate,
      });
      await recordOutcomes(deps.pool, input.runId, changes, outcomes);
      cursor = changes[changes.length - 1]?.seq ?? cursor;
      result.attempted += records.length;
      for (const o of outcomes) result[o.status] += 1;
      state.progress = { cursor, stalled: 0, ...result };
      heartbeat(state.progress);
    }
  } catch (err) {
    // An aborted destination call surfaces as a network error; report it as the cancellation it is.
    if (signal.aborted) throw new CancelledFailure('Sync run cancelled during delivery');
    throw err;
  }
}

export function createDeliverActivity(deps: ActivityDeps) {
  return async function deliver(input: DeliverInput): Promise<DeliverResult> {
    const signal = cancellationSignal();
    const previous = activityInfo().heartbeatDetails as DeliverProgress | undefined;
    const state = {
      progress: { cursor: 0, stalled: 0, attempted: 0, accepted: 0, rejected: 0, deferred: 0 },
    };
    const ticker = setInterval(() => heartbeat(state.progress), HEARTBEAT_EVERY_MS);
    // Retryable errors back off by attempts without progress, and give up after too many (deliver-backoff).
    const retry = (err: SynclineError) => transientFailure(err, state.progress.stalled);
    try {
      return await withFailureMapping(() => deliverBatches(deps, input, signal, previous, state), { retry });
    } finally {
      clearInterval(ticker);
    }
  };
}
