/**
 * Maps failures of the Postgres destination to SynclineErrors by recovery strategy: configuration problems fail
 * the run, a lost connection is retried (writes are idempotent), a row's bad values never get here.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import {
  classifyPgError,
  describeConnectFailure,
  type PgConnectionConfig,
  pgMessage,
} from '../../kit/postgres';

export function destinationConnectError(err: unknown, config: PgConnectionConfig): SynclineError {
  return new SynclineError(ErrorCode.DestinationConnectionFailed, describeConnectFailure(err, config), {
    cause: err,
  });
}

export function tableMissingError(qualifiedName: string, database: string): SynclineError {
  return new SynclineError(
    ErrorCode.InvalidConfig,
    `Destination table ${qualifiedName} does not exist in database "${database}": choose an existing table or create it`,
    { details: { table: qualifiedName } },
  );
}

/** A failure of a statement that is not one row's fault (those become `rejected` outcomes instead). */
export function destinationWriteError(
  err: unknown,
  config: PgConnectionConfig,
  table: string,
): SynclineError {
  const said = pgMessage(err, config.password);
  switch (classifyPgError(err)) {
    case 'undefined-table':
      return tableMissingError(table, config.database);
    case 'undefined-column':
      return new SynclineError(
        ErrorCode.InvalidMapping,
        `A mapped column does not exist in ${table}: ${said}`,
        { cause: err },
      );
    case 'no-unique-constraint':
      return new SynclineError(
        ErrorCode.InvalidConfig,
        `The key column of ${table} needs a primary key or unique constraint for insert, upsert and mirror syncs (server said: ${said})`,
        { cause: err },
      );
    case 'permission':
      return new SynclineError(
        ErrorCode.DestinationConnectionFailed,
        `User "${config.user}" lacks privileges on ${table}: grant SELECT, INSERT, UPDATE and DELETE (server said: ${said})`,
        { cause: err },
      );
    case 'auth':
    case 'unknown-database':
    case 'unreachable':
    case 'connection-lost':
    case 'conflict':
    case 'statement-timeout-or-cancel':
      return new SynclineError(
        ErrorCode.DestinationUnavailable,
        `Writing to ${table} was interrupted: ${said}`,
        {
          cause: err,
        },
      );
    default:
      return new SynclineError(
        ErrorCode.DestinationRejected,
        `Postgres rejected the write to ${table}: ${said}`,
        {
          cause: err,
        },
      );
  }
}
