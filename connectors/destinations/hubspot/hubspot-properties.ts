/**
 * HubSpot object properties (`GET /crm/v3/properties/{objectType}`): their types for coercion and
 * discovery, which ones are unique (usable as `idProperty`), and which ones HubSpot computes itself.
 */
import type { DestinationFieldType } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { DestinationHttp } from '../../kit/http/destination-http';
import { throwIfAuthFailure, unexpectedAnswer } from './hubspot-http';
import { standardObject } from './hubspot-standard-objects';

export interface HubSpotProperty {
  name: string;
  type: DestinationFieldType;
  unique: boolean;
  readOnly: boolean;
}

export interface ObjectProperties {
  objectType: string;
  byName: Map<string, HubSpotProperty>;
  /** Writable properties whose values are unique: the only valid `idProperty` values. */
  unique: string[];
  fieldTypes: Record<string, DestinationFieldType>;
}

interface RawProperty {
  name?: unknown;
  type?: unknown;
  hasUniqueValue?: unknown;
  calculated?: unknown;
  modificationMetadata?: { readOnlyValue?: unknown };
}

/** HubSpot property `type` → Syncline field type; phone numbers, coordinates and unknown types are text. */
export function fieldType(hubspotType: unknown): DestinationFieldType {
  switch (hubspotType) {
    case 'number':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'enumeration':
      return 'enumeration';
    case 'json':
      return 'json';
    default:
      return 'string';
  }
}

export async function fetchObjectProperties(
  http: DestinationHttp,
  objectType: string,
): Promise<ObjectProperties> {
  const answer = await http.send({
    method: 'GET',
    path: `/crm/v3/properties/${encodeURIComponent(objectType)}`,
    query: { archived: false },
  });
  throwIfAuthFailure(answer, `crm.objects.${objectType}.read or crm.schemas.${objectType}.read`);
  // HubSpot answers an object type it cannot infer with 400/404: the sync names an object that is not there.
  if (answer.status === 400 || answer.status === 404)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `HubSpot has no object type "${objectType}": pick contacts, companies, deals, a custom object or list:<listId>`,
      { details: { status: answer.status, objectType } },
    );
  if (answer.status !== 200) throw unexpectedAnswer(answer, `the properties of ${objectType}`);
  const raw = (answer.json as { results?: RawProperty[] } | undefined)?.results ?? [];
  const alwaysUnique = new Set(standardObject(objectType)?.uniqueProperties ?? []);
  const byName = new Map<string, HubSpotProperty>();
  for (const p of raw) {
    if (typeof p.name !== 'string') continue;
    byName.set(p.name, {
      name: p.name,
      type: fieldType(p.type),
      unique: p.hasUniqueValue === true || alwaysUnique.has(p.name),
      readOnly: p.modificationMetadata?.readOnlyValue === true || p.calculated === true,
    });
  }
  const writable = [...byName.values()].filter((p) => !p.readOnly);
  return {
    objectType,
    byName,
    unique: writable.filter((p) => p.unique).map((p) => p.name),
    fieldTypes: Object.fromEntries(writable.map((p) => [p.name, p.type])),
  };
}

/** The sync's key field must be a unique property: HubSpot matches records by it (`idProperty`). */
export function assertUniqueKeyField(properties: ObjectProperties, keyField: string | undefined): string {
  const choices = properties.unique.length > 0 ? properties.unique.join(', ') : 'none yet';
  if (!keyField || !properties.unique.includes(keyField))
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `HubSpot matches ${properties.objectType} by a unique property, but the model's primary key is mapped to ` +
        `${keyField ? `"${keyField}", which is not one` : 'no property'}. Map it to one of: ${choices}` +
        ` (create a custom property with "unique values" in HubSpot if none fits)`,
      { details: { objectType: properties.objectType, keyField, uniqueProperties: properties.unique } },
    );
  return keyField;
}
