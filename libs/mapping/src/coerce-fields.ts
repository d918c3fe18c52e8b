/**
 * Coerces a record's mapped fields to the destination's field types. Connectors call it before writing and
 * turn `{ ok: false }` into that row's rejection, so one bad value never fails a batch.
 */
import type { DestinationFieldType } from '@syncline/domain';
import { coerceValue } from './coerce-value';
import { pathSegments, setAtPath } from './target-path';

export type CoercedFields = { ok: true; fields: Record<string, unknown> } | { ok: false; reason: string };

function valueAt(fields: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
  let node: unknown = fields;
  for (const key of pathSegments(path)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) {
      return { found: false };
    }
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

/** Copies the objects along a path (each at most once) so the caller's record is never changed. */
function writableAlong(root: Record<string, unknown>, path: string, copies: Set<object>): void {
  let node = root;
  for (const key of pathSegments(path).slice(0, -1)) {
    let child = node[key] as Record<string, unknown>;
    if (!copies.has(child)) {
      child = { ...child };
      copies.add(child);
      setAtPath(node, key, child);
    }
    node = child;
  }
}

/**
 * `fieldTypes` is keyed by field name, or by dotted path for nested fields; fields it does not name pass
 * unchanged. Every bad value is reported, e.g. `field "age": "abc" is not a number`.
 */
export function coerceFields(
  fields: Record<string, unknown>,
  fieldTypes: Readonly<Record<string, DestinationFieldType>>,
): CoercedFields {
  const result = { ...fields };
  const copies = new Set<object>([result]);
  const problems: string[] = [];
  for (const [path, type] of Object.entries(fieldTypes)) {
    const { found, value } = valueAt(result, path);
    if (!found) continue;
    const coerced = coerceValue(value, type);
    if (!coerced.ok) {
      problems.push(`field "${path}": ${coerced.reason}`);
    } else if (coerced.value !== value) {
      writableAlong(result, path, copies);
      setAtPath(result, path, coerced.value);
    }
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, fields: result };
}
