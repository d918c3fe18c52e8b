/** Maps failures of the Postgres source to SynclineErrors: the user's SQL, the clock, or the connection. */
import { ErrorCode, SynclineError } from '@syncline/errors';
import {
  classifyPgError,
  describeConnectFailure,
  type PgConnectionConfig,
  pgMessage,
} from '../../kit/postgres';
import { sourceQueryFailed } from '../../kit/source-errors';

/** Failure while connecting: always the connection's fault (credentials, host, database). */
export function sourceConnectError(err: unknown, config: PgConnectionConfig): SynclineError {
  return new SynclineError(ErrorCode.SourceConnectionFailed, describeConnectFailure(err, config), {
    cause: err,
  });
}

/** Failure of a running query. `cancelled` says whether we asked the server to cancel it (the caller's signal). */
export function sourceQueryError(
  err: unknown,
  config: PgConnectionConfig,
  cancelled: boolean,
): SynclineError {
  const said = pgMessage(err, config.password);
  if (cancelled) {
    return new SynclineError(ErrorCode.QueryTimeout, 'The query was cancelled before it finished', {
      cause: err,
      details: { cancelled: true },
    });
  }
  const kind = classifyPgError(err);
  switch (kind) {
    case 'statement-timeout-or-cancel':
      return new SynclineError(
        ErrorCode.QueryTimeout,
        `The query did not finish within its time limit: ${said}`,
        {
          cause: err,
        },
      );
    case 'auth':
    case 'unknown-database':
    case 'unreachable':
    case 'connection-lost':
    case 'conflict':
      return sourceQueryFailed(kind, said, err);
    default:
      return new SynclineError(ErrorCode.InvalidQuery, `The source rejected the query: ${said}`, {
        cause: err,
      });
  }
}
