/**
 * Every error a user can see carries one of these codes, and each code declares how to recover from it
 * (ERROR_RECOVERY): `permanent` — fix the input or the config, retrying cannot help; `retryable` — the same
 * call may succeed later (the activity is retried, the API says "retry later"); `row-level` — it concerns one
 * row, which becomes that row's outcome (or a warning) instead of failing the run. Who can act on an error,
 * its HTTP status and the Temporal failure an activity raises all derive from this one table.
 */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  NotFound = 'NOT_FOUND',
  /** Request arguments that fail validation (types, ranges, formats) where no more specific code applies. */
  BadUserInput = 'BAD_USER_INPUT',
  InvalidConfig = 'INVALID_CONFIG',
  UnknownConnector = 'UNKNOWN_CONNECTOR',
  /** Could not open a session: credentials, unknown database, unreachable host. Fix the source's config. */
  SourceConnectionFailed = 'SOURCE_CONNECTION_FAILED',
  /** An established connection to the source broke (network, server restart, out of resources). */
  SourceConnectionLost = 'SOURCE_CONNECTION_LOST',
  /** A database aborted the transaction to resolve a conflict (SQLSTATE class 40: deadlock, serialization). */
  TransactionConflict = 'TRANSACTION_CONFLICT',
  /** The destination refused the credentials or the connection settings. */
  DestinationConnectionFailed = 'DESTINATION_CONNECTION_FAILED',
  InvalidQuery = 'INVALID_QUERY',
  QueryTimeout = 'QUERY_TIMEOUT',
  PrimaryKeyMissing = 'PRIMARY_KEY_MISSING',
  NullPrimaryKey = 'NULL_PRIMARY_KEY',
  DuplicatePrimaryKey = 'DUPLICATE_PRIMARY_KEY',
  InvalidMapping = 'INVALID_MAPPING',
  /** A delete refused because other records still use this one (a model's source, a sync's model). */
  InUse = 'IN_USE',
  SyncRunInProgress = 'SYNC_RUN_IN_PROGRESS',
  OrchestratorUnavailable = 'ORCHESTRATOR_UNAVAILABLE',
  DestinationRejected = 'DESTINATION_REJECTED',
  DestinationUnavailable = 'DESTINATION_UNAVAILABLE',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL',
  /** A model query returned no rows where rows are needed to trust it (previews before saving a sync). */
  EmptyModel = 'EMPTY_MODEL',
  /** A Customer Studio schema problem: a missing column, incompatible join types, a cycle (details.problems). */
  InvalidSchema = 'INVALID_SCHEMA',
  /** An audience or trait definition problem, each named by its node path (details.problems). */
  InvalidAudience = 'INVALID_AUDIENCE',
}

export type Recovery = 'permanent' | 'retryable' | 'row-level';

export interface ErrorCodeSpec {
  recovery: Recovery;
  /** The REST API's answer (Hightouch answers validation errors with 422). */
  httpStatus: number;
}

const permanent = (httpStatus = 422): ErrorCodeSpec => ({ recovery: 'permanent', httpStatus });
const retryable = (httpStatus = 503): ErrorCodeSpec => ({ recovery: 'retryable', httpStatus });
const rowLevel: ErrorCodeSpec = { recovery: 'row-level', httpStatus: 422 };

export const ERROR_RECOVERY: Readonly<Record<ErrorCode, ErrorCodeSpec>> = {
  [ErrorCode.Unauthenticated]: permanent(401),
  [ErrorCode.NotFound]: permanent(404),
  [ErrorCode.BadUserInput]: permanent(),
  [ErrorCode.InvalidConfig]: permanent(),
  [ErrorCode.UnknownConnector]: permanent(),
  [ErrorCode.SourceConnectionFailed]: permanent(),
  [ErrorCode.SourceConnectionLost]: retryable(),
  [ErrorCode.TransactionConflict]: retryable(),
  [ErrorCode.DestinationConnectionFailed]: permanent(),
  [ErrorCode.InvalidQuery]: permanent(),
  [ErrorCode.QueryTimeout]: retryable(504),
  [ErrorCode.PrimaryKeyMissing]: permanent(),
  [ErrorCode.NullPrimaryKey]: rowLevel,
  [ErrorCode.DuplicatePrimaryKey]: rowLevel,
  [ErrorCode.InvalidMapping]: permanent(),
  [ErrorCode.InUse]: permanent(409),
  [ErrorCode.SyncRunInProgress]: permanent(409),
  [ErrorCode.OrchestratorUnavailable]: retryable(),
  [ErrorCode.DestinationRejected]: rowLevel,
  [ErrorCode.DestinationUnavailable]: retryable(),
  [ErrorCode.RateLimited]: retryable(429),
  // Unknown failures (bugs, a lost control-plane connection) are retried; their message is never shown.
  [ErrorCode.Internal]: retryable(500),
  [ErrorCode.EmptyModel]: permanent(),
  [ErrorCode.InvalidSchema]: permanent(),
  [ErrorCode.InvalidAudience]: permanent(),
};

export function recoveryOf(code: ErrorCode): Recovery {
  return ERROR_RECOVERY[code].recovery;
}

/** Whether the same call may succeed later: activities retry these, the API says "retry later". */
export function isTransientCode(code: ErrorCode): boolean {
  return recoveryOf(code) === 'retryable';
}

/** The REST status of a code. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_RECOVERY[code].httpStatus;
}

/**
 * Who can act on an error: the caller (fix the input), nobody right now (retry later), or us (a bug: the
 * message is hidden and the stack logged).
 */
export type ErrorAudience = 'caller' | 'retry-later' | 'internal';

export function errorAudience(code: ErrorCode): ErrorAudience {
  if (code === ErrorCode.Internal) return 'internal';
  return isTransientCode(code) ? 'retry-later' : 'caller';
}
