/**
 * Hash of a row's mapped fields, used to tell "changed" from "unchanged". It hashes the JSON payload that
 * is staged for delivery anyway, so each row is serialised once. JSON keeps types apart — NULL, '' and
 * 'null' (null, "", "null"), 1 and '1', true and 'true' — and is stable across runs: fields come in mapping
 * order, timestamps as ISO-8601 UTC, and Postgres numerics and bigints arrive as exact strings.
 * (Non-finite floats serialise as null: a NaN replacing a NULL is not seen as a change.)
 */
import { createHash } from 'node:crypto';

export function payloadHash(payloadJson: string): string {
  return createHash('md5').update(payloadJson).digest('base64url');
}

/** Primary keys are compared as strings across runs. */
export function keyToString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
