/**
 * Discovery: `GET /sobjects` (which objects exist and what the user may do with them) and
 * `GET /sobjects/{name}/describe` (fields, types, required flags, external ids). Describes are cached for a
 * few minutes per org + object, so writes can check the key field and coerce values without a describe call
 * per batch.
 */
import type { DestinationField, DestinationFieldType, DestinationObject, SyncMode } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { SalesforceClient } from './salesforce-client';
import { assertOk } from './salesforce-errors';

export interface SObjectSummary {
  name: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
}

export interface SObjectField {
  name: string;
  type: string;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  externalId?: boolean;
  idLookup?: boolean;
  /** Set on lookup fields: `{ [relationshipName]: { ExtId__c: value } }` links a record by external id. */
  relationshipName?: string | null;
}

export interface SObjectDescribe extends SObjectSummary {
  fields: SObjectField[];
}

const DESCRIBE_TTL_MS = 5 * 60_000;
const describes = new Map<string, { at: number; describe: Promise<SObjectDescribe> }>();

// Salesforce's describe field types (SOAP API "Field Types") → what Syncline coerces mapped values to.
const FIELD_TYPES: Record<string, DestinationFieldType> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'integer',
  double: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'datetime',
  picklist: 'enumeration',
  address: 'json',
  location: 'json',
};

export const fieldType = (sfType: string): DestinationFieldType => FIELD_TYPES[sfType] ?? 'string';

export const isRequired = (f: SObjectField): boolean => !f.nillable && f.createable && !f.defaultedOnCreate;

export function modesOf(o: SObjectSummary): SyncMode[] {
  const modes: SyncMode[] = [];
  if (o.createable) modes.push('insert');
  if (o.updateable) modes.push('update');
  if (o.createable && o.updateable) modes.push('upsert');
  if (o.createable && o.updateable && o.deletable) modes.push('mirror');
  return modes;
}

export async function listObjects(client: SalesforceClient): Promise<DestinationObject[]> {
  const answer = await client.api({ method: 'GET', path: '/sobjects' });
  assertOk(answer, 'list sObjects');
  const body = answer.json as { sobjects?: SObjectSummary[] } | undefined;
  return (body?.sobjects ?? [])
    .map((o) => ({ name: o.name, modes: modesOf(o) }))
    .filter((o) => o.modes.length > 0);
}

/** Writable fields only: what a mapping can target. */
export function destinationFields(describe: SObjectDescribe): DestinationField[] {
  return describe.fields
    .filter((f) => f.createable || f.updateable)
    .map((f) => ({ name: f.name, type: fieldType(f.type), required: isRequired(f) }));
}

export function describeObject(
  client: SalesforceClient,
  cacheScope: string,
  object: string,
): Promise<SObjectDescribe> {
  const key = `${cacheScope}\n${object}`;
  const cached = describes.get(key);
  if (cached && Date.now() - cached.at < DESCRIBE_TTL_MS) return cached.describe;
  const describe = fetchDescribe(client, object);
  describes.set(key, { at: Date.now(), describe });
  describe.catch(() => describes.delete(key));
  return describe;
}

async function fetchDescribe(client: SalesforceClient, object: string): Promise<SObjectDescribe> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object))
    throw new SynclineError(ErrorCode.InvalidConfig, `"${object}" is not a Salesforce sObject API name`);
  const answer = await client.api({ method: 'GET', path: `/sobjects/${object}/describe` });
  if (answer.status === 404)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Salesforce has no sObject "${object}" (or the connected user cannot see it): pick an object from the destination's object list`,
      { details: { object } },
    );
  assertOk(answer, `describe ${object}`);
  return answer.json as SObjectDescribe;
}

/** The field a write keys on must be an external id (or idLookup, e.g. Email on some objects). */
export function keyFieldOf(describe: SObjectDescribe, keyField: string | undefined): SObjectField {
  if (!keyField)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Salesforce ${describe.name}: map the model's primary key to an External ID field to update, upsert or delete records`,
    );
  const field = describe.fields.find((f) => f.name === keyField);
  if (!field)
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `Salesforce ${describe.name} has no field "${keyField}" (the primary key's mapped field)`,
      { details: { object: describe.name, field: keyField } },
    );
  if (!field.externalId && !field.idLookup)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Salesforce ${describe.name}.${keyField} is not an External ID field: mark it "External ID" in Salesforce, or map the primary key to one that is`,
      { details: { object: describe.name, field: keyField } },
    );
  return field;
}
