/**
 * Turns mapped records into HubSpot batch inputs: values coerced to the object's property types (a bad
 * value rejects that record only), then written the way HubSpot's API takes property values — strings,
 * `""` to clear, `;` between the options of a multi-select.
 */
import type { DestinationRecord } from '@syncline/domain';
import { coerceFields } from '@syncline/mapping';
import type { ObjectProperties } from './hubspot-properties';

export type PreparedRecord =
  { ok: true; id: string | undefined; properties: Record<string, string> } | { ok: false; reason: string };

export function toPropertyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPropertyValue).join(';');
  return JSON.stringify(value);
}

/**
 * `keyField` set: the record is matched by that unique property, its value taken from the mapped field
 * (or the model's key, for removals which carry no fields).
 */
export function prepareRecord(
  record: DestinationRecord,
  properties: ObjectProperties,
  keyField: string | undefined,
): PreparedRecord {
  const coerced = coerceFields(record.fields, properties.fieldTypes);
  if (!coerced.ok) return { ok: false, reason: coerced.reason };
  const wire: Record<string, string> = {};
  for (const [name, value] of Object.entries(coerced.fields)) wire[name] = toPropertyValue(value);
  if (keyField === undefined) return { ok: true, id: undefined, properties: wire };
  const id = keyValue(record, wire[keyField]);
  if (id === '')
    return {
      ok: false,
      reason: `the key property "${keyField}" has no value: HubSpot matches records by it`,
    };
  return { ok: true, id, properties: wire };
}

export function keyValue(record: DestinationRecord, mapped: string | undefined): string {
  return (mapped ?? record.key).trim();
}
