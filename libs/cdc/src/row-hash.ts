/**
 * Hash of a row's mapped fields, used to tell "changed" from "unchanged".
 * Every value is encoded with a type tag so NULL, '' and 'null' never collide, and numbers, bigints,
 * timestamps and JSON hash identically on every run (keys sorted, dates as ISO-8601 UTC).
 */
import { createHash } from 'node:crypto';

type Tagged = [string, unknown];

function encode(value: unknown): Tagged {
  if (value === null || value === undefined) return ['n', null];
  if (typeof value === 'string') return ['s', value];
  if (typeof value === 'number') return ['d', Number.isFinite(value) ? value : String(value)];
  if (typeof value === 'bigint') return ['i', value.toString()];
  if (typeof value === 'boolean') return ['b', value];
  if (value instanceof Date) return ['t', Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()];
  if (Buffer.isBuffer(value)) return ['x', value.toString('base64')];
  if (Array.isArray(value)) return ['a', value.map(encode)];
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return ['o', entries.map(([k, v]) => [k, encode(v)])];
  }
  return ['u', String(value)];
}

export function rowHash(fields: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(encode(fields)))
    .digest('base64url');
}

/** Primary keys are compared as strings across runs. */
export function keyToString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
