/**
 * The query options every source honours, validated once and with the same defaults, so a preview or a run
 * behaves alike whichever warehouse the model reads.
 */
import type { QueryOptions } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';

export const DEFAULT_QUERY_BATCH_SIZE = 1000;

export interface ResolvedQueryOptions {
  signal?: AbortSignal;
  batchSize: number;
  /** Infinity when no limit was asked for. */
  limit: number;
  timeoutMs?: number;
}

export function resolveQueryOptions(options: QueryOptions = {}): ResolvedQueryOptions {
  const batchSize = options.batchSize ?? DEFAULT_QUERY_BATCH_SIZE;
  assertPositive('batchSize', batchSize);
  if (options.limit !== undefined) assertPositive('limit', options.limit);
  if (options.timeoutMs !== undefined) assertPositive('timeoutMs', options.timeoutMs);
  return {
    signal: options.signal,
    batchSize,
    limit: options.limit ?? Number.POSITIVE_INFINITY,
    timeoutMs: options.timeoutMs === undefined ? undefined : Math.ceil(options.timeoutMs),
  };
}

function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 1) {
    throw new SynclineError(
      ErrorCode.BadUserInput,
      `Query option ${name} must be a positive number, got ${value}`,
    );
  }
}
