import {
  ERROR_RECOVERY,
  ErrorCode,
  errorAudience,
  httpStatusOf,
  isTransientCode,
  recoveryOf,
} from '../error-codes';

describe('the error table', () => {
  it('declares a recovery strategy and an HTTP status for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(['permanent', 'retryable', 'row-level']).toContain(ERROR_RECOVERY[code].recovery);
      expect(ERROR_RECOVERY[code].httpStatus).toBeGreaterThanOrEqual(400);
    }
  });

  it('retries lost connections, transaction conflicts, timeouts, throttling and outages, never bad input', () => {
    expect(Object.values(ErrorCode).filter(isTransientCode).sort()).toEqual(
      [
        ErrorCode.SourceConnectionLost,
        ErrorCode.TransactionConflict,
        ErrorCode.QueryTimeout,
        ErrorCode.RateLimited,
        ErrorCode.DestinationUnavailable,
        ErrorCode.OrchestratorUnavailable,
        ErrorCode.Internal,
      ].sort(),
    );
    expect(recoveryOf(ErrorCode.SourceConnectionFailed)).toBe('permanent');
    expect(recoveryOf(ErrorCode.DestinationRejected)).toBe('row-level');
  });

  it('derives who can act on an error from its recovery', () => {
    expect(errorAudience(ErrorCode.InvalidMapping)).toBe('caller');
    expect(errorAudience(ErrorCode.DuplicatePrimaryKey)).toBe('caller');
    expect(errorAudience(ErrorCode.TransactionConflict)).toBe('retry-later');
    expect(errorAudience(ErrorCode.Internal)).toBe('internal');
  });

  it('keeps the REST statuses clients rely on', () => {
    expect(
      [
        ErrorCode.Unauthenticated,
        ErrorCode.NotFound,
        ErrorCode.BadUserInput,
        ErrorCode.SyncRunInProgress,
        ErrorCode.RateLimited,
        ErrorCode.QueryTimeout,
        ErrorCode.DestinationUnavailable,
        ErrorCode.Internal,
      ].map(httpStatusOf),
    ).toEqual([401, 404, 422, 409, 429, 504, 503, 500]);
  });
});
