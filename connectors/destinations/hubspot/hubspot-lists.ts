/**
 * HubSpot lists (segments) through the v3 Lists API: an audience sync writes to `list:<listId>`. Only
 * MANUAL and SNAPSHOT lists take memberships from the API (DYNAMIC ones are filter-driven).
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { DestinationHttp } from '../../kit/http/destination-http';
import { memoized } from './hubspot-cache';
import type { HubSpotDestinationConfig } from './hubspot-destination.config';
import { throwIfAuthFailure, tokenScope, unexpectedAnswer } from './hubspot-http';

export const LIST_PREFIX = 'list:';
export const WRITABLE_LIST_TYPES: ReadonlySet<string> = new Set(['MANUAL', 'SNAPSHOT']);
const LIST_SCOPES = 'crm.lists.read / crm.lists.write';
const PAGE = 100;

export interface HubSpotList {
  listId: string;
  name: string;
  processingType: string;
  objectTypeId: string;
}

/** `list:123` → `123`; undefined for object types. */
export function listIdOf(object: string): string | undefined {
  if (!object.startsWith(LIST_PREFIX)) return undefined;
  const id = object.slice(LIST_PREFIX.length);
  if (!/^\d+$/.test(id))
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `"${object}" is not a HubSpot list: use list:<numeric listId>`,
    );
  return id;
}

function toList(raw: Record<string, unknown> | undefined): HubSpotList | undefined {
  if (!raw || (typeof raw.listId !== 'string' && typeof raw.listId !== 'number')) return undefined;
  return {
    listId: String(raw.listId),
    name: typeof raw.name === 'string' ? raw.name : '',
    processingType: typeof raw.processingType === 'string' ? raw.processingType : '',
    objectTypeId: typeof raw.objectTypeId === 'string' ? raw.objectTypeId : '',
  };
}

/** The list a sync writes to; it must exist and take API memberships. Memoized per account. */
export function writableList(
  http: DestinationHttp,
  config: HubSpotDestinationConfig,
  listId: string,
): Promise<HubSpotList> {
  return memoized(`${tokenScope(config)}|${config.baseUrl}|list|${listId}`, async () => {
    const answer = await http.send({ method: 'GET', path: `/crm/v3/lists/${listId}` });
    throwIfAuthFailure(answer, LIST_SCOPES);
    if (answer.status === 404 || answer.status === 400)
      throw new SynclineError(
        ErrorCode.InvalidConfig,
        `HubSpot has no list ${listId}: pick a list this token can see`,
        {
          details: { status: answer.status, listId },
        },
      );
    if (answer.status !== 200) throw unexpectedAnswer(answer, `list ${listId}`);
    const list = toList((answer.json as { list?: Record<string, unknown> } | undefined)?.list);
    if (!list) throw unexpectedAnswer(answer, `list ${listId}`);
    if (!WRITABLE_LIST_TYPES.has(list.processingType))
      throw new SynclineError(
        ErrorCode.InvalidConfig,
        `HubSpot list ${listId} ("${list.name}") is ${list.processingType}: only MANUAL (static) or SNAPSHOT lists take memberships from a sync`,
        { details: { listId, processingType: list.processingType } },
      );
    return list;
  });
}

/** Every list that can take memberships (`POST /crm/v3/lists/search`, paged by offset). */
export async function searchWritableLists(http: DestinationHttp): Promise<HubSpotList[] | undefined> {
  const lists: HubSpotList[] = [];
  for (let offset = 0; ;) {
    const answer = await http.send({
      method: 'POST',
      path: '/crm/v3/lists/search',
      json: { query: '', processingTypes: [...WRITABLE_LIST_TYPES], count: PAGE, offset },
    });
    // A token without list scopes can still sync objects: it just sees no lists.
    if (answer.status === 403) return undefined;
    throwIfAuthFailure(answer, LIST_SCOPES);
    if (answer.status !== 200) throw unexpectedAnswer(answer, 'the list search');
    const body = answer.json as { lists?: Record<string, unknown>[]; hasMore?: unknown; offset?: unknown };
    for (const raw of body.lists ?? []) {
      const list = toList(raw);
      if (list && WRITABLE_LIST_TYPES.has(list.processingType)) lists.push(list);
    }
    if (body.hasMore !== true || typeof body.offset !== 'number' || body.offset <= offset) return lists;
    offset = body.offset;
  }
}
