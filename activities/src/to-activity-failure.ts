/**
 * The activity boundary of the error taxonomy: SynclineErrors become Temporal ApplicationFailures whose
 * type is the error code; permanent errors are non-retryable, transient ones retry (after Retry-After).
 */
import { isSynclineError } from '@syncline/errors';
import { ApplicationFailure } from '@temporalio/common';

export function toActivityFailure(err: unknown): unknown {
  if (!isSynclineError(err)) return err; // unknown errors stay retryable: Temporal retries them with backoff
  return ApplicationFailure.create({
    message: err.message,
    type: err.code,
    nonRetryable: !err.transient,
    details: err.details ? [err.details] : [],
    nextRetryDelay: err.retryAfterMs,
  });
}

/** Runs an activity body, translating its errors at the boundary. */
export async function withFailureMapping<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    throw toActivityFailure(err);
  }
}
