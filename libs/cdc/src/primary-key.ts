/** Primary-key checks: a model's key must exist, never be null and be unique, or the run fails before sending. */
import { ErrorCode, SynclineError } from '@syncline/errors';

export const SAMPLE_KEYS = 10;

export function assertPrimaryKeyColumn(primaryKey: string, columns: readonly string[]): void {
  if (!columns.includes(primaryKey)) {
    throw new SynclineError(
      ErrorCode.PrimaryKeyMissing,
      `The primary key column "${primaryKey}" is not in the model's result (columns: ${columns.join(', ')}). Fix the model's SQL or its primary key.`,
    );
  }
}

export function nullPrimaryKeyError(
  primaryKey: string,
  count: number,
  sampleRowNumbers: number[],
): SynclineError {
  return new SynclineError(
    ErrorCode.NullPrimaryKey,
    `${count} row(s) have a null primary key "${primaryKey}" (row numbers ${sampleRowNumbers.join(', ')}); nothing was sent. Filter them out in the model.`,
    { details: { count, sampleRowNumbers } },
  );
}

export function duplicatePrimaryKeyError(primaryKey: string, sampleKeys: string[]): SynclineError {
  return new SynclineError(
    ErrorCode.DuplicatePrimaryKey,
    `The primary key "${primaryKey}" is not unique: ${sampleKeys.map((k) => JSON.stringify(k)).join(', ')} appear more than once; nothing was sent. Make the key unique in the model.`,
    { details: { sampleKeys } },
  );
}
