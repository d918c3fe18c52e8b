/** A non-negative integer query parameter (limit, offset, within), or BAD_USER_INPUT naming it. */
import { ErrorCode, SynclineError } from '@syncline/errors';

export function parseNumberParam(
  value: unknown,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new SynclineError(ErrorCode.BadUserInput, `${name} must be an integer between 0 and ${max}`, {
      details: { field: name },
    });
  }
  return n;
}

/** An ISO-8601 timestamp query parameter (after, before). */
export function parseDateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime()))
    throw new SynclineError(ErrorCode.BadUserInput, `${name} must be an ISO-8601 timestamp`, {
      details: { field: name },
    });
  return d;
}
