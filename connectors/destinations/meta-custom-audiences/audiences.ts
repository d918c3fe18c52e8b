/**
 * Discovery: the ad account's custom audiences (only CUSTOM, i.e. customer-list, audiences take user
 * uploads) and the check that a sync's audience is one of them.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { GraphClient } from './graph-client';
import { graphRefusal } from './graph-error';

export interface Audience {
  id: string;
  name: string;
  subtype: string;
}

interface AudiencePage {
  data?: Partial<Audience>[];
  paging?: { cursors?: { after?: string }; next?: string };
}

const PAGE_SIZE = 200;
const MAX_PAGES = 50;

async function getJson(
  client: GraphClient,
  path: string,
  query: Record<string, string | number | undefined>,
  what: string,
): Promise<unknown> {
  const answer = await client.send('GET', path, { query });
  if (answer.status >= 200 && answer.status < 300) return answer.json;
  const refusal = graphRefusal(answer, client.host, what);
  throw new SynclineError(ErrorCode.DestinationRejected, refusal.reason, {
    details: { status: answer.status },
  });
}

export async function customerListAudiences(client: GraphClient, adAccountId: string): Promise<Audience[]> {
  const audiences: Audience[] = [];
  let after: string | undefined;
  // Follow cursors, not paging.next: that URL repeats the access token.
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = (await getJson(
      client,
      `${adAccountId}/customaudiences`,
      { fields: 'id,name,subtype', limit: PAGE_SIZE, after },
      `the custom audiences of ${adAccountId}`,
    )) as AudiencePage;
    for (const a of body.data ?? [])
      if (a.id && a.subtype === 'CUSTOM')
        audiences.push({ id: a.id, name: a.name ?? a.id, subtype: a.subtype });
    after = body.paging?.cursors?.after;
    if (!after || !body.paging?.next) break;
  }
  return audiences;
}

/** The audience a sync writes to must exist for this token and take user lists. */
export async function assertCustomerListAudience(client: GraphClient, audienceId: string): Promise<Audience> {
  const body = (await getJson(
    client,
    audienceId,
    { fields: 'id,name,subtype' },
    `custom audience ${audienceId}`,
  )) as Partial<Audience>;
  if (body.subtype !== 'CUSTOM')
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Meta custom audience ${audienceId} is of subtype ${body.subtype ?? 'unknown'}: only CUSTOM (customer list) audiences take user uploads`,
      { details: { audienceId, subtype: body.subtype } },
    );
  return { id: audienceId, name: body.name ?? audienceId, subtype: body.subtype };
}
