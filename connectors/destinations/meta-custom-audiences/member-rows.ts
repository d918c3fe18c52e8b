/**
 * Turns mapped records into Meta multi-key rows: coerced, normalised per key, SHA-256 hashed where Meta
 * wants a hash. Records whose values cannot be used are rejected here, before anything is sent, with a
 * reason that names the field and never the value (it is PII).
 *
 * Every row carries EXTERN_ID = SHA-256 hex of the model's primary key. Removed rows reach the connector
 * without fields, so the model key is the only handle on a member at removal time; Meta removes by
 * EXTERN_ID alone. Meta does not hash EXTERN_ID itself (it is the advertiser's opaque id), and a model key
 * is often an email, so Syncline sends its hash: equally stable, never raw PII.
 */
import type { DestinationRecord } from '@syncline/domain';
import { coerceFields } from '@syncline/mapping';
import type { CountryCode } from 'libphonenumber-js';
import {
  IDENTIFYING_KEYS,
  isMatchKey,
  MATCH_KEY_TYPES,
  MATCH_KEYS,
  type MatchKey,
  UNHASHED_KEYS,
} from './match-keys';
import { normalizeMatchKey, sha256Hex } from './normalize-match-key';

export type MemberValues = Partial<Record<MatchKey, string>>;

export interface MemberRows {
  /** Rows to send, with the index of their record in the batch. */
  rows: { index: number; values: MemberValues }[];
  /** Records refused before sending, by index, with the reason. */
  rejected: Map<number, string>;
}

export interface UploadPayload {
  schema: MatchKey[];
  data: string[][];
}

/** The EXTERN_ID Syncline sends for a model key, on adds and removals alike. */
export const externId = (modelKey: string): string => sha256Hex(modelKey);

const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Field names are matched case-insensitively: `email` and `EMAIL` are the same key. */
function byMatchKey(fields: Record<string, unknown>): {
  values: Partial<Record<MatchKey, unknown>>;
  problems: string[];
} {
  const values: Partial<Record<MatchKey, unknown>> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const key = name.toUpperCase();
    if (!isMatchKey(key)) problems.push(`"${name}" is not a Meta match key (${MATCH_KEYS.join(', ')})`);
    else if (key in values) problems.push(`"${name}" is mapped twice (match keys ignore case)`);
    // coerceFields would serialise an object to JSON text: one identifier is one value, never a structure.
    else if (typeof value === 'object' && value !== null && !(value instanceof Date))
      problems.push(`field "${key}" must be a single value, not an object or list`);
    else values[key] = value;
  }
  return { values, problems };
}

/** coerceFields' reasons quote the value; these name the field and the type only. */
function coercionProblems(values: Partial<Record<MatchKey, unknown>>): string[] {
  return (Object.keys(values) as MatchKey[]).flatMap((key) => {
    const type = MATCH_KEY_TYPES[key];
    return coerceFields({ [key]: values[key] }, { [key]: type }).ok
      ? []
      : [`field "${key}" is not a ${type} value`];
  });
}

function memberValues(record: DestinationRecord, defaultCountry?: CountryCode): MemberValues | string {
  const { values: raw, problems } = byMatchKey(record.fields);
  if (problems.length > 0) return problems.join('; ');
  const coerced = coerceFields(raw, MATCH_KEY_TYPES);
  if (!coerced.ok) return coercionProblems(raw).join('; ');
  const values: MemberValues = {};
  const invalid: string[] = [];
  for (const key of MATCH_KEYS) {
    const value = coerced.fields[key];
    if (isBlank(value)) continue;
    const normalized = normalizeMatchKey(key, String(value), defaultCountry);
    if (!normalized.ok) invalid.push(`field "${key}" ${normalized.problem}`);
    else if (key === 'EXTERN_ID' && normalized.value !== record.key)
      invalid.push('field "EXTERN_ID" must be the model\'s primary key (Syncline removes members by it)');
    else values[key] = UNHASHED_KEYS.has(key) ? normalized.value : sha256Hex(normalized.value);
  }
  if (invalid.length > 0) return invalid.join('; ');
  if (!IDENTIFYING_KEYS.some((key) => values[key] !== undefined))
    return `needs a value in at least one of ${IDENTIFYING_KEYS.join(', ')}`;
  values.EXTERN_ID = externId(record.key);
  return values;
}

/** Rows for records to add (added and changed). */
export function memberRows(records: readonly DestinationRecord[], defaultCountry?: CountryCode): MemberRows {
  const result: MemberRows = { rows: [], rejected: new Map() };
  records.forEach((record, index) => {
    const values = memberValues(record, defaultCountry);
    if (typeof values === 'string') result.rejected.set(index, values);
    else result.rows.push({ index, values });
  });
  return result;
}

/** Rows for removed records: their fields are empty, so they are removed by EXTERN_ID. */
export function removalRows(records: readonly DestinationRecord[]): MemberRows {
  return {
    rows: records.map((record, index) => ({ index, values: { EXTERN_ID: externId(record.key) } })),
    rejected: new Map(),
  };
}

/** One schema for the request: the keys any row uses, in Meta's order; a row without a key sends "". */
export function uploadPayload(rows: readonly { values: MemberValues }[]): UploadPayload {
  const schema = MATCH_KEYS.filter((key) => rows.some((row) => row.values[key] !== undefined));
  return { schema, data: rows.map((row) => schema.map((key) => row.values[key] ?? '')) };
}
