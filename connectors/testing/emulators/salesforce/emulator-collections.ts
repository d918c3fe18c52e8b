/**
 * sObject Collections in the emulator: POST create, PATCH update (by Id), PATCH upsert (by external id),
 * DELETE by ids. At most 200 records; `{allOrNone?, records:[{attributes:{type}, ...}]}`; answers one
 * `{id, success, errors}` per record in request order (200), or `[{errorCode, message}]` (400) for the request.
 */
import type { EmulatorAnswer } from '../kit/faults';
import type { EmulatedObject } from './emulator-schema';
import { type EmulatorStore, RequestError, type SaveResult } from './emulator-store';

const LIMIT = 200;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function handleCollections(
  store: EmulatorStore,
  method: string,
  path: string,
  query: URLSearchParams,
  json: () => unknown,
): EmulatorAnswer {
  const upsert = /^\/composite\/sobjects\/(\w+)\/(\w+)\/?$/.exec(path);
  if (upsert) {
    if (method !== 'PATCH')
      throw new RequestError(
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${method}' not allowed. Allowed are PATCH`,
        405,
      );
    const object = store.object(upsert[1]!);
    if (!object) throw new RequestError('NOT_FOUND', 'The requested resource does not exist', 404);
    const field = object.fields.find((f) => f.name === upsert[2]);
    if (!field || !(field.externalId || field.idLookup))
      throw new RequestError(
        'INVALID_FIELD',
        `Field name provided, ${upsert[2]} is not an External ID or indexed field for ${object.name}`,
      );
    const { allOrNone, records } = collectionBody(json(), store, object);
    return save(allOrNone, records, (r) => store.upsert(object, field, r), true);
  }
  if (!/^\/composite\/sobjects\/?$/.test(path))
    throw new RequestError('NOT_FOUND', 'The requested resource does not exist', 404);
  if (method === 'DELETE') {
    const ids = (query.get('ids') ?? '').split(',').filter((id) => id !== '');
    if (ids.length === 0) throw new RequestError('MISSING_ARGUMENT', 'ids parameter is required');
    if (ids.length > LIMIT)
      throw new RequestError(
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${LIMIT} records into this call`,
      );
    const allOrNone = booleanParam(query.get('allOrNone'));
    return save(allOrNone, ids, (id) => store.delete(id), false);
  }
  if (method === 'POST') {
    const { allOrNone, records } = collectionBody(json(), store, undefined);
    return save(
      allOrNone,
      records,
      (r) => store.create(store.object((r.attributes as { type: string }).type)!, r),
      false,
    );
  }
  if (method === 'PATCH') {
    const { allOrNone, records } = collectionBody(json(), store, undefined);
    return save(
      allOrNone,
      records,
      (r) => {
        if (typeof r.Id !== 'string' || r.Id === '')
          return {
            ok: false,
            errors: [
              { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] },
            ],
          };
        return store.update(store.object((r.attributes as { type: string }).type)!, r.Id, r);
      },
      false,
    );
  }
  throw new RequestError(
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are POST,PATCH,DELETE`,
    405,
  );
}

function booleanParam(value: string | null): boolean {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw new RequestError('INVALID_QUERY_PARAMETER', `allOrNone must be true or false, not ${value}`);
}

/** The request's shape, checked before any record is saved, as Salesforce deserializes it first. */
function collectionBody(
  body: unknown,
  store: EmulatorStore,
  uriObject: EmulatedObject | undefined,
): { allOrNone: boolean; records: Record<string, unknown>[] } {
  if (!isObject(body) || !Array.isArray(body.records))
    throw new RequestError('JSON_PARSER_ERROR', 'The request body must be an object with a "records" array');
  if (body.allOrNone !== undefined && typeof body.allOrNone !== 'boolean')
    throw new RequestError('JSON_PARSER_ERROR', 'allOrNone must be a boolean');
  if (body.records.length > LIMIT)
    throw new RequestError(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${LIMIT} records into this call`,
    );
  const records = body.records as unknown[];
  for (const r of records) {
    if (!isObject(r) || !isObject(r.attributes) || typeof r.attributes.type !== 'string')
      throw new RequestError('INVALID_TYPE', 'Must send a concrete entity type.');
    const object = store.object(r.attributes.type);
    if (!object)
      throw new RequestError('INVALID_TYPE', `sObject type '${r.attributes.type}' is not supported.`);
    if (uriObject && object.name !== uriObject.name)
      throw new RequestError('INVALID_TYPE', `Only ${uriObject.name} records may be sent to this resource`);
    if (uriObject && r.Id !== undefined)
      throw new RequestError('INVALID_FIELD', 'Upsert by external id does not accept record Ids');
    store.checkShape(object, r);
  }
  return { allOrNone: body.allOrNone === true, records: records as Record<string, unknown>[] };
}

function save<T>(
  allOrNone: boolean,
  items: T[],
  apply: (item: T) => SaveResult,
  withCreated: boolean,
): EmulatorAnswer {
  const results = items.map(apply);
  // allOrNone rollback is not modelled beyond its answer: the connector always sends allOrNone=false.
  const failedAny = allOrNone && results.some((r) => !r.ok);
  return {
    status: 200,
    body: results.map((r) =>
      r.ok && !failedAny
        ? { id: r.id, success: true, errors: [], ...(withCreated ? { created: r.created } : {}) }
        : {
            id: null,
            success: false,
            errors: r.ok
              ? [
                  {
                    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                    message:
                      'Record rolled back because not all records were valid and the request was using AllOrNone header',
                    fields: [],
                  },
                ]
              : r.errors,
          },
    ),
  };
}
