/**
 * Discovery for mapping: the objects a sync can write (standard objects, custom objects from the schemas
 * API, writable lists as `list:<listId>`) and an object's writable properties with types, required flags
 * and which are unique (the only valid key properties).
 */
import type { DestinationField, DestinationObject, SyncMode } from '@syncline/domain';
import type { DestinationHttp } from '../../kit/http/destination-http';
import { throwIfAuthFailure, unexpectedAnswer } from './hubspot-http';
import { LIST_PREFIX, listIdOf, searchWritableLists, writableList } from './hubspot-lists';
import { fetchObjectProperties } from './hubspot-properties';
import { STANDARD_OBJECTS, standardObject } from './hubspot-standard-objects';
import type { HubSpotDestinationConfig } from './hubspot-destination.config';

export const OBJECT_MODES: readonly SyncMode[] = ['insert', 'update', 'upsert', 'mirror'];
/** Upsert adds members; mirror also removes the rows that left the audience. */
export const LIST_MODES: readonly SyncMode[] = ['upsert', 'mirror'];

/** A field plus whether HubSpot keeps its values unique (usable as the sync's key). */
export interface HubSpotField extends DestinationField {
  unique: boolean;
}

interface RawSchema {
  objectTypeId?: unknown;
  fullyQualifiedName?: unknown;
  requiredProperties?: unknown;
}

async function customSchemas(http: DestinationHttp): Promise<RawSchema[]> {
  const answer = await http.send({ method: 'GET', path: '/crm/v3/schemas' });
  // Without crm.schemas.custom.read the account's standard objects are still usable.
  if (answer.status === 403) return [];
  throwIfAuthFailure(answer, 'crm.schemas.custom.read');
  if (answer.status !== 200) throw unexpectedAnswer(answer, 'the custom object schemas');
  return (answer.json as { results?: RawSchema[] } | undefined)?.results ?? [];
}

export async function discoverObjects(http: DestinationHttp): Promise<DestinationObject[]> {
  const custom = (await customSchemas(http))
    .map((s) => s.fullyQualifiedName)
    .filter((name): name is string => typeof name === 'string');
  const lists = (await searchWritableLists(http)) ?? [];
  return [
    ...STANDARD_OBJECTS.map((o) => ({ name: o.name, modes: [...OBJECT_MODES] })),
    ...custom.map((name) => ({ name, modes: [...OBJECT_MODES] })),
    ...lists.map((l) => ({ name: `${LIST_PREFIX}${l.listId}`, modes: [...LIST_MODES] })),
  ];
}

export async function discoverFields(
  http: DestinationHttp,
  config: HubSpotDestinationConfig,
  object: string,
): Promise<HubSpotField[]> {
  const listId = listIdOf(object);
  if (listId !== undefined) {
    // A list sync only matches records: its fields are the unique properties of the list's object, one of
    // which the model's key must be mapped to (checked on write).
    const list = await writableList(http, config, listId);
    const properties = await fetchObjectProperties(http, list.objectTypeId);
    return properties.unique.map((name) => ({
      name,
      type: properties.fieldTypes[name]!,
      required: false,
      unique: true,
    }));
  }
  const properties = await fetchObjectProperties(http, object);
  const required = new Set(
    standardObject(object)?.requiredProperties ?? (await requiredOfCustom(http, object)),
  );
  return [...properties.byName.values()]
    .filter((p) => !p.readOnly)
    .map((p) => ({ name: p.name, type: p.type, required: required.has(p.name), unique: p.unique }));
}

async function requiredOfCustom(http: DestinationHttp, objectType: string): Promise<string[]> {
  const schema = (await customSchemas(http)).find(
    (s) => s.fullyQualifiedName === objectType || s.objectTypeId === objectType,
  );
  const required = schema?.requiredProperties;
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
}
