/**
 * Quotes identifiers in the dialect of a source, so a table model's generated SELECT is safe whatever the
 * names hold: backticks for MySQL / MariaDB, double quotes (the SQL standard) for the others.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';

export function quoteIdentifierFor(sourceType: string, name: string): string {
  if (name.length === 0 || name.includes('\u0000')) {
    throw new SynclineError(
      ErrorCode.BadUserInput,
      'A schema or table name must be non-empty and contain no NUL',
    );
  }
  if (sourceType === 'mysql') return `\`${name.replace(/`/g, '``')}\``;
  return `"${name.replace(/"/g, '""')}"`;
}
