/**
 * Turns staged records into Braze `/users/track` objects: a user attributes object per user row (only the
 * attributes that changed when the last delivered fields are known) or an event object per added row.
 * Values are coerced to Braze's documented types first, so a bad value rejects its row, not the request.
 */
import type { DestinationRecord, SyncMode } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { coerceFields } from '@syncline/mapping';
import {
  ENUMERATIONS,
  EVENT_FIELD_TYPES,
  KEY_IDENTIFIERS,
  type KeyIdentifier,
  STANDARD_ATTRIBUTE_TYPES,
} from './braze-fields';

/** What one record becomes: an object to send, nothing to send (accepted as is), or a rejection. */
export type BuiltObject =
  { kind: 'send'; object: Record<string, unknown> } | { kind: 'skip' } | { kind: 'reject'; reason: string };

/** The identifier named by the sync's key field; without one the record key is the external_id. */
export function keyIdentifier(keyField: string | undefined): KeyIdentifier {
  const name = keyField ?? 'external_id';
  if ((KEY_IDENTIFIERS as readonly string[]).includes(name)) return name as KeyIdentifier;
  throw new SynclineError(
    ErrorCode.InvalidConfig,
    `Braze identifies users by external_id or email, but the sync maps its primary key to "${name}": map the key to external_id or email`,
    { details: { keyField: name } },
  );
}

function identifierValue(fields: Record<string, unknown>, name: KeyIdentifier, key: string): string {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : key;
}

/** Braze's enumerated standard attributes; gender is matched case-insensitively and sent upper-case. */
function normaliseEnumerations(fields: Record<string, unknown>): string | undefined {
  for (const [name, allowed] of Object.entries(ENUMERATIONS)) {
    const value = fields[name];
    if (value === null || value === undefined) continue;
    const text = name === 'gender' ? String(value).toUpperCase() : String(value);
    if (!allowed.includes(text))
      return `field "${name}": ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`;
    fields[name] = text;
  }
  return undefined;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only the attributes whose coerced values differ from what was delivered last time. */
function changedAttributes(
  current: Record<string, unknown>,
  previous: Record<string, unknown>,
): Record<string, unknown> {
  const before = coerceFields(previous, STANDARD_ATTRIBUTE_TYPES);
  if (!before.ok) return current;
  return Object.fromEntries(
    Object.entries(current).filter(([name, value]) => !same(value, before.fields[name])),
  );
}

function serialisable(object: Record<string, unknown>): string | undefined {
  try {
    JSON.stringify(object);
    return undefined;
  } catch (err) {
    return `Fields are not JSON-serialisable: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Removed rows send nothing: /users/track cannot remove a profile, and deleting users is not a sync's job. */
export function attributesObject(
  record: DestinationRecord,
  identifier: KeyIdentifier,
  mode: SyncMode,
): BuiltObject {
  if (record.op === 'removed') return { kind: 'skip' };
  const coerced = coerceFields(record.fields, STANDARD_ATTRIBUTE_TYPES);
  if (!coerced.ok) return { kind: 'reject', reason: coerced.reason };
  const fields = { ...coerced.fields };
  const enumProblem = normaliseEnumerations(fields);
  if (enumProblem) return { kind: 'reject', reason: enumProblem };
  const id = identifierValue(fields, identifier, record.key);
  const attributes =
    record.op === 'changed' && record.deliveredFields
      ? changedAttributes(fields, record.deliveredFields)
      : fields;
  delete attributes[identifier];
  if (record.op === 'changed' && Object.keys(attributes).length === 0) return { kind: 'skip' };
  const object: Record<string, unknown> = { [identifier]: id, ...attributes };
  // Update mode must never create a profile; upsert relies on Braze's default (create when unknown).
  if (mode === 'update') object._update_existing_only = true;
  const problem = serialisable(object);
  return problem ? { kind: 'reject', reason: problem } : { kind: 'send', object };
}

const EVENT_KEYS = new Set(Object.keys(EVENT_FIELD_TYPES));

/**
 * One event per added row (insert mode): Braze counts every event object as a new occurrence, so changed
 * and removed rows send nothing. Mapped fields outside the event object's own become its properties.
 */
export function eventObject(
  record: DestinationRecord,
  identifier: KeyIdentifier,
  appId: string | undefined,
  now: () => Date = () => new Date(),
): BuiltObject {
  if (record.op !== 'added') return { kind: 'skip' };
  const coerced = coerceFields(record.fields, EVENT_FIELD_TYPES);
  if (!coerced.ok) return { kind: 'reject', reason: coerced.reason };
  const { fields } = coerced;
  const mappedProperties = fields.properties;
  if (mappedProperties !== undefined && mappedProperties !== null && typeof mappedProperties !== 'object')
    return { kind: 'reject', reason: 'field "properties" must be an object of event properties' };
  const properties: Record<string, unknown> = { ...(mappedProperties as Record<string, unknown> | null) };
  for (const [name, value] of Object.entries(fields)) if (!EVENT_KEYS.has(name)) properties[name] = value;
  const object: Record<string, unknown> = {
    [identifier]: identifierValue(fields, identifier, record.key),
    name: fields.name,
    // Braze requires a time; a model without one records the event when it is delivered.
    time: fields.time ?? now().toISOString(),
  };
  const app = fields.app_id ?? appId;
  if (app !== undefined && app !== null) object.app_id = app;
  if (Object.keys(properties).length > 0) object.properties = properties;
  const problem = serialisable(object);
  return problem ? { kind: 'reject', reason: problem } : { kind: 'send', object };
}
