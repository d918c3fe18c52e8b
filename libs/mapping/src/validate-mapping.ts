/** Checks a mapping against the model's columns before anything is sent. */
import type { FieldMapping } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';

export function validateMapping(mapping: readonly FieldMapping[], columns: readonly string[]): void {
  if (mapping.length === 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      'The mapping is empty: map at least one column to a destination field.',
    );
  }
  const known = new Set(columns);
  const missing = mapping.flatMap((m) => ('from' in m && !known.has(m.from) ? [m.from] : []));
  if (missing.length > 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `The mapping uses columns the model does not return: ${missing.join(', ')} (model columns: ${columns.join(', ')})`,
      { details: { missingColumns: missing } },
    );
  }
  const seen = new Set<string>();
  const duplicates = mapping.flatMap((m) => (seen.has(m.to) ? [m.to] : (seen.add(m.to), [])));
  if (duplicates.length > 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `Destination fields mapped more than once: ${duplicates.join(', ')}`,
    );
  }
}
