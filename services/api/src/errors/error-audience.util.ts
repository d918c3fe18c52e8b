/**
 * Who can act on an error code: the caller (fix the input), nobody right now (retry later),
 * or us (a bug; the message is hidden and the stack logged).
 */
import { ErrorCode } from '@syncline/errors';
import { assertUnreachable } from './assert-unreachable.util';

export type ErrorAudience = 'caller' | 'retry-later' | 'internal';

export function errorAudience(code: ErrorCode): ErrorAudience {
  switch (code) {
    case ErrorCode.Unauthenticated:
    case ErrorCode.NotFound:
    case ErrorCode.BadUserInput:
    case ErrorCode.InvalidConfig:
    case ErrorCode.UnknownConnector:
    case ErrorCode.SourceConnectionFailed:
    case ErrorCode.DestinationConnectionFailed:
    case ErrorCode.InvalidQuery:
    case ErrorCode.PrimaryKeyMissing:
    case ErrorCode.NullPrimaryKey:
    case ErrorCode.DuplicatePrimaryKey:
    case ErrorCode.InvalidMapping:
    case ErrorCode.SyncRunInProgress:
    case ErrorCode.DestinationRejected:
    case ErrorCode.InUse:
    case ErrorCode.EmptyModel:
    case ErrorCode.InvalidSchema:
    case ErrorCode.InvalidAudience:
      return 'caller';
    case ErrorCode.QueryTimeout:
    case ErrorCode.OrchestratorUnavailable:
    case ErrorCode.DestinationUnavailable:
    case ErrorCode.RateLimited:
      return 'retry-later';
    case ErrorCode.Internal:
      return 'internal';
    default:
      return assertUnreachable(code);
  }
}
