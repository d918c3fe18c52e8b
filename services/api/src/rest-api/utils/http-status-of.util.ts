/** The HTTP status of an error code on the REST API (Hightouch answers validation errors with 422). */
import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@syncline/errors';
import { assertUnreachable } from '../../errors/assert-unreachable.util';

export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
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
    case ErrorCode.DestinationRejected:
    case ErrorCode.EmptyModel:
    case ErrorCode.InvalidSchema:
    case ErrorCode.InvalidAudience:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.InUse:
    case ErrorCode.SyncRunInProgress:
      return HttpStatus.CONFLICT;
    case ErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.QueryTimeout:
      return HttpStatus.GATEWAY_TIMEOUT;
    case ErrorCode.OrchestratorUnavailable:
    case ErrorCode.DestinationUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code);
  }
}
