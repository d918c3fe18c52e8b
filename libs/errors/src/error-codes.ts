/**
 * Every error a user can see carries one of these codes. Grouped by recovery strategy:
 * config / input errors are permanent (fix the input), transient errors are retried.
 */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  InvalidConfig = 'INVALID_CONFIG',
  UnknownConnector = 'UNKNOWN_CONNECTOR',
  SourceConnectionFailed = 'SOURCE_CONNECTION_FAILED',
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

const TRANSIENT: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.DestinationUnavailable,
  ErrorCode.RateLimited,
  ErrorCode.OrchestratorUnavailable,
  ErrorCode.QueryTimeout,
]);

export function isTransientCode(code: ErrorCode): boolean {
  return TRANSIENT.has(code);
}
