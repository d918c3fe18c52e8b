/**
 * An in-process HTTP server of the HubSpot CRM v3 API slice Syncline uses, for tests. It enforces what
 * HubSpot documents: `Authorization: Bearer <private-app token>` (401 INVALID_AUTHENTICATION), JSON bodies,
 * the batch endpoints' rules (see emulator-objects), lists (see emulator-lists), 429 with HubSpot's
 * `policyName` + Retry-After, and 5xx on demand. It keeps the records so tests read back what landed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, errorBody } from './emulator-answers';
import { type EmulatorList, ListStore } from './emulator-lists';
import { ObjectStore, publicRecord, type StoredRecord } from './emulator-objects';
import { type EmulatorObjectType, type EmulatorProperty, propertyJson } from './emulator-schema';
import { parseOrText, readRequest, startEmulatorServer } from '../kit/emulator-server';
import { type EmulatorAnswer, EmulatorFaults, type FaultControls, type StatusFault } from '../kit/faults';

export type { EmulatorProperty, EmulatorObjectType } from './emulator-schema';
export type { StoredRecord } from './emulator-objects';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface HubSpotEmulator extends FaultControls {
  baseUrl: string;
  /** Every request that arrived, in order, with the status it got. */
  received: ReceivedRequest[];
  /** Records of an object type (name, objectTypeId or fullyQualifiedName), in creation order. */
  records(objectType: string): StoredRecord[];
  /** Adds a property to an object type (e.g. a custom unique key: `{ hasUniqueValue: true }`). */
  addProperty(objectType: string, property: EmulatorProperty): void;
  addCustomObject(type: Omit<EmulatorObjectType, 'identityProperties'>): void;
  /** A record created directly, as if made in HubSpot's UI; returns its id. */
  seed(objectType: string, properties: Record<string, string>): string;
  createList(list: {
    name: string;
    processingType?: EmulatorList['processingType'];
    objectTypeId?: string;
  }): string;
  listMembers(listId: string): string[];
  /** The next `n` requests are answered 429 with Retry-After and HubSpot's policy name. */
  throttleNext(n: number, retryAfterSeconds: number, policyName?: 'TEN_SECONDLY_ROLLING' | 'DAILY'): void;
  /** Inputs matched by this unique value are refused per input with `message` (records HubSpot will not take). */
  refuseValue(objectType: string, property: string, value: string, message?: string): void;
  close(): Promise<void>;
}

/** HubSpot's outage and throttling answers (429 names the policy that was exceeded). */
function faultAnswer(
  { status, retryAfterSeconds }: StatusFault,
  policyName: 'TEN_SECONDLY_ROLLING' | 'DAILY' = 'TEN_SECONDLY_ROLLING',
): EmulatorAnswer {
  if (status !== 429) return { status, body: errorBody('INTERNAL_ERROR', 'simulated failure') };
  return {
    status: 429,
    headers: { 'Retry-After': String(retryAfterSeconds ?? 1) },
    body: {
      status: 'error',
      message: `You have reached your ${policyName.toLowerCase()} limit.`,
      errorType: 'RATE_LIMIT',
      policyName,
    },
  };
}

const OBJECTS = /^\/crm\/v3\/objects\/([^/]+)$/;
const BATCH = /^\/crm\/v3\/objects\/([^/]+)\/batch\/(create|update|upsert|read|archive)$/;
const PROPERTIES = /^\/crm\/v3\/properties\/([^/]+)$/;
const SCHEMA = /^\/crm\/v3\/schemas(?:\/([^/]+))?$/;
const LIST = /^\/crm\/v3\/lists\/(\d+)$/;
const MEMBERSHIPS = /^\/crm\/v3\/lists\/(\d+)\/memberships\/(add-and-remove|add|remove)$/;

export async function startHubSpotEmulator(options: { accessToken: string }): Promise<HubSpotEmulator> {
  const objects = new ObjectStore();
  const lists = new ListStore(objects);
  const received: ReceivedRequest[] = [];
  const faults = new EmulatorFaults((fault) => faultAnswer(fault));

  const mustType = (objectType: string): EmulatorObjectType => {
    const type = objects.resolve(objectType);
    if (!type) throw new Error(`the emulator has no object type ${objectType}`);
    return type;
  };

  function route(method: string, path: string, query: URLSearchParams, body: unknown): EmulatorAnswer {
    let m: RegExpExecArray | null;
    const typeOr400 = (name: string) => objects.resolve(decodeURIComponent(name));
    const noType = (name: string) =>
      badRequest(`Unable to infer object type from: ${decodeURIComponent(name)}`);
    if ((m = BATCH.exec(path))) {
      if (method !== 'POST') return { status: 405 };
      const type = typeOr400(m[1]!);
      return type ? objects.batch(type, m[2]!, body) : noType(m[1]!);
    }
    if ((m = OBJECTS.exec(path))) {
      if (method !== 'GET') return { status: 405 };
      const type = typeOr400(m[1]!);
      if (!type) return noType(m[1]!);
      const limit = Math.min(Number(query.get('limit') ?? 10) || 10, 100);
      return {
        status: 200,
        body: {
          results: objects
            .all(type)
            .slice(0, limit)
            .map((r) => publicRecord(r)),
        },
      };
    }
    if ((m = PROPERTIES.exec(path))) {
      if (method !== 'GET') return { status: 405 };
      const type = typeOr400(m[1]!);
      return type ? { status: 200, body: { results: type.properties.map(propertyJson) } } : noType(m[1]!);
    }
    if ((m = SCHEMA.exec(path))) {
      if (method !== 'GET') return { status: 405 };
      const custom = objects.types.filter((t) => t.fullyQualifiedName);
      if (!m[1]) return { status: 200, body: { results: custom.map(schemaJson) } };
      const type = custom.find((t) => t.fullyQualifiedName === m![1] || t.objectTypeId === m![1]);
      return type
        ? { status: 200, body: schemaJson(type) }
        : { status: 404, body: errorBody('OBJECT_NOT_FOUND', 'Not found') };
    }
    if (path === '/crm/v3/lists/search') return method === 'POST' ? lists.search(body) : { status: 405 };
    if ((m = LIST.exec(path))) return method === 'GET' ? lists.get(m[1]!) : { status: 405 };
    if ((m = MEMBERSHIPS.exec(path)))
      return method === 'PUT' ? lists.change(m[1]!, m[2]!, body) : { status: 405 };
    return { status: 404, body: errorBody('OBJECT_NOT_FOUND', `No route for ${method} ${path}`) };
  }

  function decide(req: IncomingMessage, text: string, url: URL): EmulatorAnswer {
    const fault = faults.before();
    if (fault) return fault;
    if (req.headers.authorization !== `Bearer ${options.accessToken}`)
      return {
        status: 401,
        body: errorBody(
          'INVALID_AUTHENTICATION',
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        ),
      };
    let body: unknown;
    if (req.method === 'POST' || req.method === 'PUT') {
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
        return { status: 415, body: errorBody('VALIDATION_ERROR', 'Content-Type must be application/json') };
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return badRequest('Invalid input JSON: the body is not valid JSON');
      }
    }
    return route(req.method ?? 'GET', url.pathname, url.searchParams, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { text } = await readRequest(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const answer = decide(req, text, url);
    received.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: parseOrText(text),
      status: answer.status,
    });
    await server.respond(req, res, answer, { faults, contentType: 'application/json;charset=utf-8' });
  }

  const server = await startEmulatorServer(handle);

  return {
    baseUrl: `${server.origin}`,
    received,
    records: (objectType) => objects.all(mustType(objectType)),
    addProperty(objectType, property) {
      mustType(objectType).properties.push(property);
    },
    addCustomObject(type) {
      objects.types.push({ ...type, identityProperties: [] });
    },
    seed: (objectType, properties) => objects.insert(mustType(objectType), properties).id,
    createList: ({ name, processingType = 'MANUAL', objectTypeId = '0-1' }) =>
      lists.create({ name, processingType, objectTypeId }),
    listMembers: (listId) => [...(lists.lists.get(listId)?.members ?? [])],
    failNext: (n, status, opts) => faults.failNext(n, status, opts),
    throttleNext(n, retryAfterSeconds, policyName) {
      faults.answerNext(n, () => faultAnswer({ status: 429, retryAfterSeconds }, policyName));
    },
    delayNext: (n, ms) => faults.delayNext(n, ms),
    setFaults: (plan) => faults.setFaults(plan),
    clearFaults: () => faults.clearFaults(),
    refuseValue(objectType, property, value, message = `${value} is refused by this HubSpot account`) {
      const normalised = property === 'email' ? value.toLowerCase() : value;
      objects.refused.set(`${mustType(objectType).name}|${normalised}`, message);
    },
    close() {
      return server.close();
    },
  };
}

function schemaJson(type: EmulatorObjectType): Record<string, unknown> {
  return {
    id: type.objectTypeId.split('-')[1],
    objectTypeId: type.objectTypeId,
    name: type.name,
    fullyQualifiedName: type.fullyQualifiedName,
    labels: { singular: type.name, plural: type.name },
    requiredProperties: type.requiredProperties,
    primaryDisplayProperty: type.requiredProperties[0],
    properties: type.properties.map(propertyJson),
  };
}
