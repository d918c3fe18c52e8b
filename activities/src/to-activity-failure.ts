/**
 * The activity boundary of the error taxonomy, the same for every activity: a SynclineError becomes a
 * Temporal ApplicationFailure whose type is its code, non-retryable unless its code is `retryable` (see
 * ERROR_RECOVERY), retried after the remote side's Retry-After where it gave one. Anything else (a driver
 * error, a lost control-plane connection) is an INTERNAL failure and is retried. Temporal's own failures
 * (cancellation) pass through.
 */
import { ErrorCode, isSynclineError, isTransientCode, SynclineError } from '@syncline/errors';
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';

/** The error as a SynclineError: unknown ones are INTERNAL, keeping their message and cause. */
export function asSynclineError(err: unknown): SynclineError {
  if (isSynclineError(err)) return err;
  return new SynclineError(ErrorCode.Internal, err instanceof Error ? err.message : String(err), {
    cause: err,
  });
}

export function toActivityFailure(err: unknown): Error {
  if (err instanceof TemporalFailure) return err;
  const known = asSynclineError(err);
  return ApplicationFailure.create({
    message: known.message,
    type: known.code,
    nonRetryable: !isTransientCode(known.code),
    details: known.details ? [known.details] : [],
    nextRetryDelay: known.retryAfterMs,
  });
}

export interface FailureMappingOptions {
  /** How a retryable error is retried, when the activity has its own policy (deliver's backoff). */
  retry?: (err: SynclineError) => ApplicationFailure;
}

/** Runs an activity body, translating its errors at the boundary. */
export async function withFailureMapping<T>(
  body: () => Promise<T>,
  options: FailureMappingOptions = {},
): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (options.retry && !(err instanceof TemporalFailure)) {
      const known = asSynclineError(err);
      if (isTransientCode(known.code)) throw options.retry(known);
    }
    throw toActivityFailure(err);
  }
}
