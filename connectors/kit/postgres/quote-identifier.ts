/** Safe SQL identifiers: names come from users (tables, columns), so they are quoted, never trusted. */
import { ErrorCode, SynclineError } from '@syncline/errors';

/** Double-quotes a Postgres identifier, doubling embedded quotes; rejects what Postgres cannot store. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0)
    throw new SynclineError(ErrorCode.InvalidMapping, 'An empty name cannot be a table or column');
  // A NUL byte would end the string on the server side and change the statement's meaning.
  if (name.includes('\u0000')) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      'A table or column name cannot contain a NUL character',
    );
  }
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteQualified(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}
