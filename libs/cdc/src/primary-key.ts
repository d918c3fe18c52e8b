/**
 * Primary-key rules shared by both engines: the key column must exist; rows with a null key are skipped
 * and counted; rows whose key repeats are all left out (or fail the run, per sync) with sample keys.
 */
import type { RunWarning } from '@syncline/contracts';
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

export function nullKeyWarning(primaryKey: string, count: number): RunWarning {
  return {
    code: ErrorCode.NullPrimaryKey,
    message: `${count} row(s) have a null primary key "${primaryKey}" and were skipped. Filter them out in the model.`,
    details: { count },
  };
}

export interface DuplicateKeys {
  /** Rows left out (every row of every repeated key). */
  rows: number;
  sampleKeys: string[];
}

function duplicateMessage(primaryKey: string, dup: DuplicateKeys): string {
  const sample = dup.sampleKeys.map((k) => JSON.stringify(k)).join(', ');
  return `The primary key "${primaryKey}" is not unique: ${dup.rows} row(s) share a key (e.g. ${sample})`;
}

export function duplicateKeyWarning(primaryKey: string, dup: DuplicateKeys): RunWarning {
  return {
    code: ErrorCode.DuplicatePrimaryKey,
    message: `${duplicateMessage(primaryKey, dup)}; they were left out. Make the key unique in the model.`,
    details: { count: dup.rows, sampleKeys: dup.sampleKeys },
  };
}

export function duplicateKeyError(primaryKey: string, dup: DuplicateKeys): SynclineError {
  return new SynclineError(
    ErrorCode.DuplicatePrimaryKey,
    `${duplicateMessage(primaryKey, dup)}; nothing was sent. Make the key unique in the model, or let the sync exclude duplicates.`,
    { details: { count: dup.rows, sampleKeys: dup.sampleKeys } },
  );
}
