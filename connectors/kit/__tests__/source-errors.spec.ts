import { ErrorCode } from '@syncline/errors';
import { type SourceFailureKind, sourceQueryFailed } from '../source-errors';

describe('sourceQueryFailed', () => {
  it.each<[SourceFailureKind, ErrorCode, boolean]>([
    ['auth', ErrorCode.SourceConnectionFailed, false],
    ['unknown-database', ErrorCode.SourceConnectionFailed, false],
    ['unreachable', ErrorCode.SourceConnectionFailed, false],
    ['connection-lost', ErrorCode.SourceConnectionLost, true],
    ['conflict', ErrorCode.TransactionConflict, true],
    ['timeout', ErrorCode.QueryTimeout, true],
    ['query', ErrorCode.InvalidQuery, false],
  ])('words a %s failure as %s (retried: %s)', (kind, code, retried) => {
    const err = sourceQueryFailed(kind, 'server said no', new Error('x'));
    expect([err.code, err.transient]).toEqual([code, retried]);
    expect(err.message).toContain('server said no');
  });
});
