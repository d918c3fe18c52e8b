/**
 * The SynclineErrors every source throws, by what went wrong rather than by driver: each source classifies
 * its driver's failure into a `SourceFailureKind` and gets the same codes and wording as the others.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';

export type SourceFailureKind =
  'auth' | 'unknown-database' | 'unreachable' | 'connection-lost' | 'conflict' | 'timeout' | 'query';

/** A failure to open a session; `message` is the source's own actionable sentence. */
export function sourceConnectFailed(message: string, cause: unknown): SynclineError {
  return new SynclineError(ErrorCode.SourceConnectionFailed, message, { cause });
}

/**
 * A failure of a running query. `cancelled` says whether we cancelled it for the caller's signal, which wins
 * over whatever the server said about the cancellation.
 */
export function sourceQueryFailed(
  kind: SourceFailureKind,
  said: string,
  cause: unknown,
  cancelled = false,
): SynclineError {
  if (cancelled) {
    return new SynclineError(ErrorCode.QueryTimeout, 'The query was cancelled before it finished', {
      cause,
      details: { cancelled: true },
    });
  }
  switch (kind) {
    case 'timeout':
      return new SynclineError(
        ErrorCode.QueryTimeout,
        `The query did not finish within its time limit: ${said}`,
        { cause },
      );
    case 'auth':
    case 'unknown-database':
    case 'unreachable':
      return new SynclineError(
        ErrorCode.SourceConnectionFailed,
        `The source refused or could not be reached while querying: ${said}`,
        { cause },
      );
    case 'connection-lost':
      return new SynclineError(
        ErrorCode.SourceConnectionLost,
        `Lost the connection to the source while querying (it is retried): ${said}`,
        { cause },
      );
    case 'conflict':
      return transactionConflict(said, cause);
    case 'query':
      return new SynclineError(ErrorCode.InvalidQuery, `The source rejected the query: ${said}`, { cause });
  }
}

/** The source aborted the query's transaction (deadlock, serialization failure): retried. */
export function transactionConflict(said: string, cause: unknown): SynclineError {
  return new SynclineError(
    ErrorCode.TransactionConflict,
    `The source aborted the query's transaction to resolve a conflict (it is retried): ${said}`,
    { cause },
  );
}

/** The error's own message with a secret scrubbed, in case a driver echoes it. */
export function errorMessage(err: unknown, ...secrets: (string | undefined)[]): string {
  let message = err instanceof Error ? err.message : String(err);
  for (const secret of secrets) if (secret) message = message.split(secret).join('[redacted]');
  return message;
}

const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

/** Whether a Node socket error code means the host could not be reached at all. */
export function isUnreachableSocketCode(code: unknown): boolean {
  return typeof code === 'string' && UNREACHABLE_SOCKET_CODES.has(code);
}

/** A property of an unknown error, when it has one of the given type. */
export function errorProp(err: unknown, prop: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[prop] : undefined;
}
