/**
 * The Meta Custom Audiences destination: adds the model's rows to a customer-list custom audience
 * (`POST /{audience}/users`) and, in mirror mode, removes the rows that left the model
 * (`DELETE /{audience}/users` by EXTERN_ID). Identifiers are normalised and SHA-256 hashed by Syncline:
 * raw PII never leaves the worker.
 */
import { createHash } from 'node:crypto';
import type {
  DestinationConnector,
  DestinationRecord,
  RecordOutcome,
  SyncMode,
  WriteContext,
} from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import { assertCustomerListAudience, customerListAudiences } from './audiences';
import { graphClient, type GraphClient } from './graph-client';
import { graphRefusal } from './graph-error';
import { MATCH_KEY_TYPES, MATCH_KEYS } from './match-keys';
import { memberRows, type MemberRows, removalRows, uploadPayload } from './member-rows';
import {
  META_SECRET_FIELDS,
  type MetaCustomAudiencesDestinationConfig,
  metaCustomAudiencesDestinationSpec,
} from './meta-custom-audiences-destination.config';
import { uploadSession, type UploadOperation } from './upload-session';
import { uploadVerdict } from './upload-result';

/** "You can add an unlimited number of records for an audience, but only a maximum of 10000 at a time." */
export const MAX_USERS_PER_REQUEST = 10_000;
const MODES: SyncMode[] = ['insert', 'mirror'];

/** Mirror removes members whose rows left the model; insert only ever adds. */
const removesMembers = (mode: SyncMode): boolean => mode === 'mirror';

function audienceOf(context: WriteContext): string {
  const id = context.object;
  if (!id || !/^\d+$/.test(id))
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      'A Meta Custom Audiences sync needs its destination object set to a custom audience id (digits)',
      { details: { object: id ?? null } },
    );
  return id;
}

/** One request per call of at most MAX_USERS_PER_REQUEST rows; a refused request refuses the batch. */
async function sendRows(
  client: GraphClient,
  audienceId: string,
  operation: UploadOperation,
  records: readonly DestinationRecord[],
  rows: MemberRows['rows'],
  runId: string | undefined,
): Promise<void> {
  for (let start = 0; start < rows.length; start += MAX_USERS_PER_REQUEST) {
    const chunk = rows.slice(start, start + MAX_USERS_PER_REQUEST);
    const keys = chunk.map((row) => records[row.index]!.idempotencyKey);
    const answer = await client.send(operation === 'add' ? 'POST' : 'DELETE', `${audienceId}/users`, {
      json: { payload: uploadPayload(chunk), session: uploadSession(runId, audienceId, operation, keys) },
    });
    if (answer.status < 200 || answer.status >= 300)
      throw new BatchRejectedError(
        graphRefusal(answer, client.host, `custom audience ${audienceId}`).reason,
        {
          details: { status: answer.status },
        },
      );
    const verdict = uploadVerdict(answer.json, chunk.length);
    if (!verdict.ok) throw new BatchRejectedError(verdict.reason, { details: { status: answer.status } });
  }
}

export const metaCustomAudiencesDestination: DestinationConnector<MetaCustomAudiencesDestinationConfig> = {
  type: 'meta_custom_audiences',
  spec: metaCustomAudiencesDestinationSpec,
  secretFields: META_SECRET_FIELDS,
  defaultBatchSize: MAX_USERS_PER_REQUEST,
  // Match keys are upper case in Meta's docs; mappings may name them in any case (`email`, `EMAIL`).
  fieldNames: { ignoreCase: true },
  // Custom-audience calls fall under Meta's business-use-case limit, per ad account and hourly; its
  // smallest (development-tier) budget is 5,000 calls an hour plus 40 per active audience. 1 request/s
  // (3,600 an hour, 10,000 rows each) stays under it for every account.
  defaultRateLimit: { requests: 1, perMs: 1000, concurrency: 2 },

  /** Meta's limits are per ad account, whoever's token calls: share one limit per account. */
  rateLimitScope(config) {
    return `meta:${createHash('sha256').update(config.adAccountId).digest('hex').slice(0, 16)}`;
  },

  /** Reads the ad account (`GET /act_…?fields=id,name`): proves the token and its access to the account. */
  async check(config) {
    try {
      const client = graphClient(config);
      const answer = await client.send('GET', config.adAccountId, { query: { fields: 'id,name' } });
      if (answer.status >= 200 && answer.status < 300) {
        const name = (answer.json as { name?: string } | undefined)?.name;
        return {
          ok: true,
          message: `Meta ad account ${config.adAccountId}${name ? ` (${name})` : ''} is reachable at ${client.host}`,
        };
      }
      return {
        ok: false,
        message: graphRefusal(answer, client.host, `ad account ${config.adAccountId}`).reason,
      };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  /** The account's customer-list audiences, named by id (what writes address). */
  async objects(config) {
    const audiences = await customerListAudiences(graphClient(config), config.adAccountId);
    return audiences.map((a) => ({ name: a.id, modes: [...MODES] }));
  },

  /** Meta's match keys; none is required alone (a row needs one of EMAIL, PHONE, MADID, EXTERN_ID). */
  async fields(config, object) {
    await assertCustomerListAudience(graphClient(config), object);
    return MATCH_KEYS.map((name) => ({ name, type: MATCH_KEY_TYPES[name], required: false }));
  },

  async write(config, records, context) {
    if (records.length === 0) return [];
    const audienceId = audienceOf(context);
    const client = graphClient(config, context);
    const removing = removesMembers(context.mode);
    const toAdd = records.filter((r) => r.op !== 'removed');
    const toRemove = removing ? records.filter((r) => r.op === 'removed') : [];
    const adds = memberRows(toAdd, config.defaultCountryCode);
    const removals = removalRows(toRemove);
    // A batch with adds and removals takes two requests (Meta has one verb each); both are idempotent,
    // so a refusal of the second that makes the caller resend the first changes nothing.
    if (adds.rows.length > 0) await sendRows(client, audienceId, 'add', toAdd, adds.rows, context.runId);
    if (removals.rows.length > 0)
      await sendRows(client, audienceId, 'remove', toRemove, removals.rows, context.runId);
    const reasons = new Map<DestinationRecord, string>();
    adds.rejected.forEach((reason, index) => reasons.set(toAdd[index]!, reason));
    return records.map((record): RecordOutcome => {
      const reason = reasons.get(record);
      return reason === undefined
        ? { key: record.key, status: 'accepted' }
        : { key: record.key, status: 'rejected', reason };
    });
  },
};
