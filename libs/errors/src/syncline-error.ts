import { ErrorCode, isTransientCode } from './error-codes';

export interface SynclineErrorOptions {
  /** Extra facts a user can act on (sample keys, field names); must never hold secrets. */
  details?: Record<string, unknown>;
  /** For transient errors: how long the remote side asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type services and connectors throw; boundaries map it to GraphQL / Temporal failures. */
export class SynclineError extends Error {
  readonly details?: Record<string, unknown>;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: SynclineErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SynclineError';
    this.details = options.details;
    this.retryAfterMs = options.retryAfterMs;
  }

  get transient(): boolean {
    return isTransientCode(this.code);
  }
}

export function isSynclineError(err: unknown): err is SynclineError {
  return err instanceof SynclineError;
}

/**
 * The destination refused a whole request because of what is in it (HTTP 400 for the batch): not a
 * config problem, not transient. The caller splits the batch to find the records it refuses.
 */
export class BatchRejectedError extends SynclineError {
  constructor(
    readonly reason: string,
    options: SynclineErrorOptions = {},
  ) {
    super(ErrorCode.DestinationRejected, reason, options);
    this.name = 'BatchRejectedError';
  }
}
