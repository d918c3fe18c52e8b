/**
 * How the deliver activity retries transient destination errors. Temporal's own backoff grows with the
 * attempt number over the activity's whole life, so a long delivery with a few scattered 503s would soon
 * wait a minute per blip and run out of attempts. Here the backoff grows only with attempts in a row that
 * delivered nothing (the heartbeat details carry the count); any progress starts it again from 1 s.
 */
import type { SynclineError } from '@syncline/errors';
import { ApplicationFailure } from '@temporalio/common';

export interface DeliverProgress {
  /** Last staged seq whose outcomes are recorded. */
  cursor: number;
  /** Attempts in a row, before this one, that ended without recording a batch. */
  stalled: number;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;
/** ~10 minutes of a destination answering nothing useful: the run fails and says why. */
export const MAX_STALLED_ATTEMPTS = 14;

/** The stall count of this attempt, from the previous attempt's last heartbeat. */
export function stalledAttempts(previous: DeliverProgress | undefined, cursor: number): number {
  if (!previous) return 0;
  return previous.cursor === cursor ? previous.stalled + 1 : 0;
}

export function retryDelayMs(stalled: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** stalled);
}

/**
 * The failure a transient error becomes: retried after the backoff (or the destination's Retry-After), or,
 * after too many fruitless attempts, the run's permanent failure saying why.
 */
export function transientFailure(err: SynclineError, stalled: number): ApplicationFailure {
  const details = err.details ? [err.details] : [];
  if (stalled + 1 >= MAX_STALLED_ATTEMPTS)
    return ApplicationFailure.create({
      type: err.code,
      message: `Delivery made no progress in ${stalled + 1} attempts in a row; last error: ${err.message}`,
      nonRetryable: true,
      details,
    });
  return ApplicationFailure.create({
    type: err.code,
    message: err.message,
    nextRetryDelay: err.retryAfterMs ?? retryDelayMs(stalled),
    details,
  });
}
