/**
 * An in-process Braze REST API for tests: `POST /users/track` with Bearer REST-key auth (401), Braze's
 * body rules (400 for bad JSON, non-array inputs, more than 75 objects), per-object errors in Braze's
 * `{type, input_array, index}` format, 429 with X-RateLimit-* and Retry-After, and a user store to read
 * back what landed. Fault controls: failNext, throttleNext, refuseExternalIds.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BrazeUserStore, type BrazeUser } from './emulator-store';
import { checkTrackBody, INPUT_ARRAYS, objectProblem, type ObjectError } from './emulator-validation';
import { parseOrText, readRequest, startEmulatorServer } from '../kit/emulator-server';

export type { BrazeUser } from './emulator-store';

export interface BrazeReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface BrazeEmulator {
  /** The REST endpoint to configure as `restEndpoint`. */
  url: string;
  received: BrazeReceivedRequest[];
  users(): BrazeUser[];
  /** The profile with this external_id, if any. */
  user(externalId: string): BrazeUser | undefined;
  /** The next `n` requests are answered `status` before any check. */
  failNext(n: number, status: number): void;
  /** The next `n` requests are answered 429 with Retry-After and X-RateLimit-Reset. */
  throttleNext(n: number, retryAfterSeconds: number): void;
  /** Objects naming these external_ids are dropped as Braze drops blocklisted ("dummy") users. */
  refuseExternalIds(ids: string[]): void;
  clearFaults(): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const RATE_LIMIT = 3000;
const NO_VALID_DATA = "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.";

export async function startBrazeEmulator(options: { apiKey: string }): Promise<BrazeEmulator> {
  const received: BrazeReceivedRequest[] = [];
  const store = new BrazeUserStore();
  const failures: { status: number; retryAfterSeconds?: number }[] = [];
  const refused = new Set<string>();

  function track(text: string): Answer {
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

  function decide(req: IncomingMessage, headers: Record<string, string>, text: string): Answer {
    const failure = failures.shift();
    if (failure) {
      if (failure.status !== 429)
        return {
          status: failure.status,
          body: { message: failure.status >= 500 ? 'Internal Server Error' : 'Bad Request' },
        };
      const seconds = failure.retryAfterSeconds ?? 1;
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
    res.writeHead(answer.status, {
      'Content-Type': 'application/json',
      'X-RateLimit-Limit': String(RATE_LIMIT),
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
  }

  const server = await startEmulatorServer(handle);

  return {
    url: `${server.origin}`,
    received,
    users: () => store.all(),
    user: (externalId) => store.all().find((u) => u.attributes.external_id === externalId),
    failNext(n, status) {
      for (let i = 0; i < n; i++) failures.push({ status });
    },
    throttleNext(n, retryAfterSeconds) {
      for (let i = 0; i < n; i++) failures.push({ status: 429, retryAfterSeconds });
    },
    refuseExternalIds(ids) {
      for (const id of ids) refused.add(id);
    },
    clearFaults() {
      failures.length = 0;
      refused.clear();
    },
    close() {
      return server.close();
    },
  };
}
