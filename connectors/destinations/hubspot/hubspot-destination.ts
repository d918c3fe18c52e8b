/**
 * The HubSpot destination: contacts, companies, deals and custom objects through the CRM v3 batch API
 * (upsert / create / update by a unique property, archive for mirror removals), and list memberships for
 * audience syncs (`list:<listId>`). Auth: a private-app access token.
 */
import type { DestinationConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { discoverFields, discoverObjects } from './hubspot-discovery';
import {
  HUBSPOT_SECRET_FIELDS,
  type HubSpotDestinationConfig,
  hubspotDestinationSpec,
} from './hubspot-destination.config';
import { hubspotHttp, hubspotMessage, tokenScope } from './hubspot-http';
import { writeListMembers } from './hubspot-list-write';
import { listIdOf } from './hubspot-lists';
import { writeObjects } from './hubspot-object-write';

const CHECK_TIMEOUT_MS = 10_000;

export const hubspotDestination: DestinationConnector<HubSpotDestinationConfig> = {
  type: 'hubspot',
  spec: hubspotDestinationSpec,
  secretFields: HUBSPOT_SECRET_FIELDS,
  // CRM v3 batch endpoints take at most 100 inputs per request.
  defaultBatchSize: 100,
  // HubSpot's usage guidelines: private apps get 100 requests per 10 s (rolling) on Free/Starter accounts,
  // 190 on Professional/Enterprise; the lower figure holds for every account. The shared gate paces
  // requests, so a rolling window is respected. Batches are large, so a few in flight are enough.
  defaultRateLimit: { requests: 100, perMs: 10_000, concurrency: 4 },

  rateLimitScope: tokenScope,

  /** Reads one contact: proves the token and the contacts scope at the cost of one request. */
  async check(config) {
    const http = hubspotHttp(config, { timeoutMs: Math.min(config.timeoutMs, CHECK_TIMEOUT_MS) });
    try {
      const answer = await http.send({
        method: 'GET',
        path: '/crm/v3/objects/contacts',
        query: { limit: 1 },
      });
      if (answer.status === 200)
        return { ok: true, message: `HubSpot (${http.host}) accepted the access token` };
      const why =
        answer.status === 401
          ? 'the access token is invalid or revoked'
          : answer.status === 403
            ? `the private app lacks the crm.objects.contacts.read scope: ${hubspotMessage(answer)}`
            : hubspotMessage(answer);
      return {
        ok: false,
        message: `HubSpot (${http.host}) refused the check (HTTP ${answer.status}): ${why}`,
      };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  async objects(config) {
    return discoverObjects(hubspotHttp(config));
  },

  async fields(config, object) {
    return discoverFields(hubspotHttp(config), config, object);
  },

  async write(config, records, context) {
    if (records.length === 0) return [];
    const object = context.object;
    if (!object)
      throw new SynclineError(
        ErrorCode.InvalidConfig,
        'A HubSpot sync needs a destination object: contacts, companies, deals, a custom object or list:<listId>',
      );
    const http = hubspotHttp(config, { gate: context.gate, signal: context.signal });
    const listId = listIdOf(object);
    return listId === undefined
      ? writeObjects(http, config, object, records, context)
      : writeListMembers(http, config, listId, records, context);
  },
};
