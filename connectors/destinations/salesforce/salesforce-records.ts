/**
 * Turns mapped records into Salesforce field maps: the key field carries the record's key, values are
 * coerced to the object's field types (a bad value rejects that record alone), and a field the object does
 * not have fails the write with a mapping error, since every record of the sync would be refused for it.
 */
import type { DestinationFieldType, DestinationRecord, RecordOutcome } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { coerceFields } from '@syncline/mapping';
import { fieldType, type SObjectDescribe } from './salesforce-describe';

export interface PreparedRecord {
  key: string;
  fields: Record<string, unknown>;
}

export type Prepared = { ok: true; record: PreparedRecord } | { ok: false; outcome: RecordOutcome };

export function fieldTypesOf(describe: SObjectDescribe): Record<string, DestinationFieldType> {
  return Object.fromEntries(describe.fields.map((f) => [f.name, fieldType(f.type)]));
}

/** Field names and relationship names (for links by external id) a record may carry. */
function writableNames(describe: SObjectDescribe): Set<string> {
  const names = new Set<string>();
  for (const f of describe.fields) {
    names.add(f.name);
    if (f.relationshipName) names.add(f.relationshipName);
  }
  return names;
}

export function prepareRecords(
  describe: SObjectDescribe,
  records: readonly DestinationRecord[],
  keyField: string | undefined,
): Prepared[] {
  const names = writableNames(describe);
  const types = fieldTypesOf(describe);
  const unknown = new Set<string>();
  for (const r of records) for (const name of Object.keys(r.fields)) if (!names.has(name)) unknown.add(name);
  if (unknown.size > 0)
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `Salesforce ${describe.name} has no field ${[...unknown].map((n) => `"${n}"`).join(', ')}: fix the sync's mapping (field API names are case-sensitive, custom ones end in __c)`,
      { details: { object: describe.name, fields: [...unknown] } },
    );
  return records.map((r) => {
    const fields =
      keyField && r.fields[keyField] === undefined ? { ...r.fields, [keyField]: r.key } : r.fields;
    const coerced = coerceFields(fields, types);
    if (!coerced.ok)
      return { ok: false, outcome: { key: r.key, status: 'rejected', reason: coerced.reason } };
    return { ok: true, record: { key: r.key, fields: coerced.fields } };
  });
}
