/**
 * The Braze destination connector: user attributes (`users`) and custom events (`events`) through
 * `POST /users/track`, one request per write of up to 75 objects, identified by external_id or email.
 */
import { createHash } from 'node:crypto';
import type { DestinationConnector, DestinationRecord, RecordOutcome, WriteContext } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import { destinationHttp, type DestinationHttp } from '../../kit/http/destination-http';
import {
  BRAZE_SECRET_FIELDS,
  type BrazeDestinationConfig,
  brazeDestinationSpec,
} from './braze-destination.config';
import { EVENTS_OBJECT, eventFields, USERS_OBJECT, userFields } from './braze-fields';
import { attributesObject, type BuiltObject, eventObject, keyIdentifier } from './braze-payload';
import { type InputArray, trackVerdict } from './braze-response';

/** Braze documents 75 objects per type per /users/track request. */
export const BRAZE_MAX_OBJECTS = 75;
const TRACK_PATH = '/users/track';

function client(
  config: BrazeDestinationConfig,
  context: Pick<WriteContext, 'gate' | 'signal'> = {},
): DestinationHttp {
  return destinationHttp({
    vendor: 'Braze',
    baseUrl: config.restEndpoint,
    headers: () => ({ Authorization: `Bearer ${config.apiKey}` }),
    gate: context.gate,
    signal: context.signal,
  });
}

function objectOf(context: WriteContext): typeof USERS_OBJECT | typeof EVENTS_OBJECT {
  const object = context.object ?? USERS_OBJECT;
  if (object === USERS_OBJECT || object === EVENTS_OBJECT) return object;
  throw new SynclineError(
    ErrorCode.InvalidConfig,
    `Braze has no object "${object}": choose "${USERS_OBJECT}" (attributes) or "${EVENTS_OBJECT}" (custom events)`,
    { details: { object } },
  );
}

/**
 * Sends one request; when Braze refuses it whole but names the objects at fault, those are rejected and
 * the others are sent once more on their own (a fatal answer means none of them was processed).
 */
async function track(
  http: DestinationHttp,
  inputArray: InputArray,
  entries: { index: number; object: Record<string, unknown> }[],
  outcomes: RecordOutcome[],
  retried = false,
): Promise<void> {
  const answer = await http.send({
    method: 'POST',
    path: TRACK_PATH,
    json: { [inputArray]: entries.map((e) => e.object) },
  });
  const verdict = trackVerdict(answer, inputArray);
  const reject = (position: number, reason: string) => {
    const entry = entries[position];
    if (entry) outcomes[entry.index] = { key: outcomes[entry.index]!.key, status: 'rejected', reason };
  };
  if (verdict.processed) {
    for (const [position, type] of verdict.rejected) reject(position, `Braze: ${type}`);
    // Errors Braze did not tie to an object: every object is suspect; re-sending attributes is harmless.
    if (verdict.unplaced.length > 0)
      entries.forEach((_, position) => reject(position, `Braze: ${verdict.unplaced.join('; ')}`));
    return;
  }
  if (verdict.rejected.size === 0 || retried) throw new BatchRejectedError(verdict.reason);
  for (const [position, type] of verdict.rejected) reject(position, `Braze: ${type}`);
  const rest = entries.filter((_, position) => !verdict.rejected.has(position));
  if (rest.length > 0) await track(http, inputArray, rest, outcomes, true);
}

export const brazeDestination: DestinationConnector<BrazeDestinationConfig> = {
  type: 'braze',
  spec: brazeDestinationSpec,
  secretFields: BRAZE_SECRET_FIELDS,
  defaultBatchSize: BRAZE_MAX_OBJECTS,
  // Any name beyond the standard attributes is a custom attribute (users) or an event property (events).
  fieldNames: { custom: true },
  keepDeliveredFields: true,
  // Braze "API rate limits": /users/track allows 3,000 requests per three seconds per workspace
  // (https://www.braze.com/docs/api/api_limits/). Concurrency is ours: enough to use the budget.
  defaultRateLimit: { requests: 3000, perMs: 3000, concurrency: 10 },

  /** The limit is per workspace; a REST key belongs to one workspace of one instance. */
  rateLimitScope(config) {
    return createHash('sha256').update(`${config.restEndpoint}\n${config.apiKey}`).digest('hex').slice(0, 16);
  },

  /**
   * An empty `/users/track` call: it needs the very permission syncs use (users.track) and records nothing.
   * Braze answers it 400 ("valid data must be provided") when the key is good, 401/403 when it is not.
   */
  async check(config) {
    const host = new URL(config.restEndpoint).host;
    try {
      const answer = await client(config).send({ method: 'POST', path: TRACK_PATH, json: {} });
      if (answer.status === 401 || answer.status === 403 || answer.status === 404)
        return {
          ok: false,
          message: `Braze (${host}) refused the REST API key (HTTP ${answer.status}): check the key, its users.track permission and the instance`,
        };
      if ((answer.status >= 200 && answer.status < 300) || answer.status === 400)
        return { ok: true, message: `Braze (${host}) accepted the REST API key for /users/track` };
      return {
        ok: false,
        message: `Braze (${host}) answered HTTP ${answer.status}: ${answer.text.slice(0, 200)}`,
      };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  /** Removals are not offered: /users/track cannot remove a profile, so mirror would promise what it cannot do. */
  async objects() {
    return [
      { name: USERS_OBJECT, modes: ['upsert', 'update'] },
      { name: EVENTS_OBJECT, modes: ['insert'] },
    ];
  },

  /** Standard fields; any other mapped name is sent as a custom attribute (users) or event property (events). */
  async fields(_config, object) {
    if (object === USERS_OBJECT) return userFields();
    if (object === EVENTS_OBJECT) return eventFields();
    throw new SynclineError(ErrorCode.InvalidConfig, `Braze has no object "${object}"`, {
      details: { object },
    });
  },

  async write(config, records, context) {
    const object = objectOf(context);
    const identifier = keyIdentifier(context.keyField);
    const inputArray: InputArray = object === USERS_OBJECT ? 'attributes' : 'events';
    const outcomes: RecordOutcome[] = records.map((r) => ({ key: r.key, status: 'accepted' }));
    const build = (record: DestinationRecord): BuiltObject =>
      object === USERS_OBJECT
        ? attributesObject(record, identifier, context.mode)
        : eventObject(record, identifier, config.appId);
    const entries: { index: number; object: Record<string, unknown> }[] = [];
    records.forEach((record, index) => {
      const built = build(record);
      if (built.kind === 'reject')
        outcomes[index] = { key: record.key, status: 'rejected', reason: built.reason };
      else if (built.kind === 'send') entries.push({ index, object: built.object });
    });
    const http = client(config, context);
    for (let start = 0; start < entries.length; start += BRAZE_MAX_OBJECTS)
      await track(http, inputArray, entries.slice(start, start + BRAZE_MAX_OBJECTS), outcomes);
    return outcomes;
  },
};
