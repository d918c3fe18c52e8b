/**
 * An in-process Braze REST API for tests: `POST /users/track` with Bearer REST-key auth (401), Braze's
 * body rules (400 for bad JSON, non-array inputs, more than 75 objects), per-object errors in Braze's
 * `{type, input_array, index}` format, 429 with X-RateLimit-* and Retry-After, and a user store to read
 * back what landed. Faults: the shared FaultControls (kit/faults) and refuseExternalIds.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BrazeUserStore, type BrazeUser } from './emulator-store';
import { checkTrackBody, INPUT_ARRAYS, objectProblem, type ObjectError } from './emulator-validation';
import { parseOrText, readRequest, startEmulatorServer } from '../kit/emulator-server';
import { type EmulatorAnswer, EmulatorFaults, type FaultControls, type StatusFault } from '../kit/faults';

export type { BrazeUser } from './emulator-store';

export interface BrazeReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface BrazeEmulator extends FaultControls {
  /** The REST endpoint to configure as `restEndpoint`. */
  url: string;
  received: BrazeReceivedRequest[];
  users(): BrazeUser[];
  /** The profile with this external_id, if any. */
  user(externalId: string): BrazeUser | undefined;
  /** Objects naming these external_ids are dropped as Braze drops blocklisted ("dummy") users. */
  refuseExternalIds(ids: string[]): void;
  close(): Promise<void>;
}

const RATE_LIMIT = 3000;
const NO_VALID_DATA = "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.";

/** Braze's outage and rate-limit answers (429 with Retry-After and X-RateLimit-*). */
function faultAnswer({ status, retryAfterSeconds }: StatusFault): EmulatorAnswer {
  if (status !== 429)
    return { status, body: { message: status >= 500 ? 'Internal Server Error' : 'Bad Request' } };
  const seconds = retryAfterSeconds ?? 1;
  return {
    status: 429,
    body: { message: 'Rate limit exceeded' },
    headers: {
      'Retry-After': String(seconds),
      'X-RateLimit-Limit': String(RATE_LIMIT),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + seconds),
    },
  };
}

export async function startBrazeEmulator(options: { apiKey: string }): Promise<BrazeEmulator> {
  const received: BrazeReceivedRequest[] = [];
  const store = new BrazeUserStore();
  const faults = new EmulatorFaults(faultAnswer);
  const refused = new Set<string>();

  function track(text: string): EmulatorAnswer {
    const check = checkTrackBody(text);
    if (!check.ok) return { status: 400, body: { message: check.message } };
    const errors: ObjectError[] = [];
    const valid: { array: (typeof INPUT_ARRAYS)[number]; object: Record<string, unknown> }[] = [];
    for (const array of INPUT_ARRAYS) {
      (check.arrays[array] ?? []).forEach((object, index) => {
        const refusedId = typeof object?.external_id === 'string' && refused.has(object.external_id);
        const type = refusedId
          ? 'provided external_id is blacklisted and disallowed'
          : objectProblem(array, object);
        if (type) errors.push({ type, input_array: array, index });
        else valid.push({ array, object });
      });
    }
    if (valid.length === 0)
      return { status: 400, body: { message: NO_VALID_DATA, ...(errors.length ? { errors } : {}) } };
    const processed: Record<string, number> = {};
    for (const { array, object } of valid) {
      if (array === 'attributes') store.setAttributes(object);
      else if (array === 'events') store.addEvent(object);
      processed[`${array}_processed`] = (processed[`${array}_processed`] ?? 0) + 1;
    }
    return { status: 201, body: { ...processed, message: 'success', ...(errors.length ? { errors } : {}) } };
  }

  function decide(req: IncomingMessage, headers: Record<string, string>, text: string): EmulatorAnswer {
    const fault = faults.before();
    if (fault) return fault;
    if (headers.authorization !== `Bearer ${options.apiKey}`)
      return { status: 401, body: { message: 'Unknown or missing REST API Key' } };
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (path !== '/users/track') return { status: 404, body: { message: 'Not Found' } };
    if (req.method !== 'POST') return { status: 405, body: { message: 'Method Not Allowed' } };
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
      return { status: 400, body: { message: 'Content-Type must be application/json' } };
    return track(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { text, headers } = await readRequest(req);
    const answer = decide(req, headers, text);
    received.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers,
      body: parseOrText(text),
      status: answer.status,
    });
    await server.respond(req, res, answer, { faults, headers: { 'X-RateLimit-Limit': String(RATE_LIMIT) } });
  }

  const server = await startEmulatorServer(handle);

  return {
    url: `${server.origin}`,
    received,
    users: () => store.all(),
    user: (externalId) => store.all().find((u) => u.attributes.external_id === externalId),
    failNext: (n, status, opts) => faults.failNext(n, status, opts),
    throttleNext: (n, seconds) => faults.throttleNext(n, seconds),
    delayNext: (n, ms) => faults.delayNext(n, ms),
    setFaults: (plan) => faults.setFaults(plan),
    refuseExternalIds(ids) {
      for (const id of ids) refused.add(id);
    },
    clearFaults() {
      faults.clearFaults();
      refused.clear();
    },
    close() {
      return server.close();
    },
  };
}
