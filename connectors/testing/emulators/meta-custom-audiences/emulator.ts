/**
 * An in-process emulator of the Marketing API endpoints the Meta Custom Audiences destination uses, for
 * tests: `GET /{v}/act_{id}`, `GET /{v}/act_{id}/customaudiences`, `GET /{v}/{audience}`, and
 * `POST|DELETE /{v}/{audience}/users`. It enforces what Meta does: the `access_token` parameter (code 190),
 * versioned paths, objects that exist for the token (code 100, subcode 33), CUSTOM audiences only, the
 * upload payload and session, 10,000 rows per request, hashed values; it answers in Graph API's error
 * format, throttles with Meta's codes (HTTP 400 + X-Business-Use-Case-Usage) or 429 + Retry-After, and fails.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AudienceState, type Member, type SessionState } from './emulator-store';
import { checkUpload, uploadParams } from './emulator-validation';
import { parseOrText, readRequest, startEmulatorServer } from '../kit/emulator-server';
import { type EmulatorAnswer, EmulatorFaults, type FaultControls, type StatusFault } from '../kit/faults';

export type { Member } from './emulator-store';

export interface ReceivedRequest {
  method: string;
  /** The path without the query (the query carries the token). */
  path: string;
  query: Record<string, string>;
  contentType: string;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  status: number;
}

export interface MetaEmulatorOptions {
  accessToken: string;
  adAccountId: string;
  adAccountName?: string;
  audiences?: { id: string; name: string; subtype?: string }[];
  maxUsersPerRequest?: number;
}

export interface MetaEmulator extends FaultControls {
  url: string;
  received: ReceivedRequest[];
  /** The audience's members, as stored (hashed values), in insertion order. */
  members(audienceId: string): Member[];
  sessions(audienceId: string): Map<number, SessionState>;
  /** Rows carrying these EXTERN_IDs are counted invalid (num_invalid_entries) and not stored. */
  refuseExternIds(ids: string[]): void;
  /** The next `n` requests get Meta's throttle: HTTP 400, error `code`, and optionally a usage header. */
  throttleWithCode(
    n: number,
    code: number,
    options?: { regainAccessMinutes?: number; status?: number },
  ): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const PAGE_SIZE = 25;

const graphError = (
  status: number,
  message: string,
  code: number,
  extra: Record<string, unknown> = {},
): EmulatorAnswer => ({
  status,
  body: {
    error: {
      message,
      type: code === 190 || code === 2500 ? 'OAuthException' : 'GraphMethodException',
      code,
      ...extra,
      fbtrace_id: randomBytes(8).toString('base64url'),
    },
  },
});

const missing = (method: string, id: string): EmulatorAnswer =>
  graphError(
    400,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    100,
    { error_subcode: 33 },
  );

export async function startMetaCustomAudiencesEmulator(options: MetaEmulatorOptions): Promise<MetaEmulator> {
  const maxUsers = options.maxUsersPerRequest ?? 10_000;
  const audiences = new Map<string, AudienceState>(
    (options.audiences ?? []).map((a) => [a.id, new AudienceState(a.id, a.name, a.subtype ?? 'CUSTOM')]),
  );
  const received: ReceivedRequest[] = [];
  const faults = new EmulatorFaults(faultAnswer);
  const refused = new Set<string>();

  /** Graph API error code 2 (temporarily unavailable), or 17 with Retry-After for a 429. */
  function faultAnswer({ status, retryAfterSeconds }: StatusFault): EmulatorAnswer {
    if (status !== 429)
      return graphError(status, 'Service temporarily unavailable', 2, { is_transient: true });
    return {
      ...graphError(429, 'Too many requests', 17),
      headers: { 'Retry-After': String(retryAfterSeconds ?? 1) },
    };
  }

  /** Meta's own throttle: an error code on HTTP 400/403, optionally with a usage header saying when. */
  function throttleAnswer(code: number, status: number, minutes?: number): EmulatorAnswer {
    const usage =
      minutes === undefined
        ? undefined
        : JSON.stringify({
            [options.adAccountId.slice(4)]: [
              {
                type: 'custom_audience',
                call_count: 100,
                total_cputime: 20,
                total_time: 30,
                estimated_time_to_regain_access: minutes,
              },
            ],
          });
    return {
      ...graphError(
        status,
        'There have been too many calls for this custom audience. Wait a bit and try again.',
        code,
      ),
      headers: usage ? { 'X-Business-Use-Case-Usage': usage } : undefined,
    };
  }

  function listAudiences(query: Record<string, string>): EmulatorAnswer {
    const fields = (query.fields ?? 'id').split(',');
    const all = [...audiences.values()];
    const start = query.after ? Number(Buffer.from(query.after, 'base64url').toString()) : 0;
    const limit = Math.min(Number(query.limit) || PAGE_SIZE, PAGE_SIZE);
    const page = all.slice(start, start + limit).map((a) => {
      const full: Record<string, string> = { id: a.id, name: a.name, subtype: a.subtype };
      return Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]]));
    });
    const end = start + page.length;
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
    const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end) } };
    // Meta's next URL repeats the token: clients should follow cursors instead.
    if (end < all.length)
      paging.next = `https://graph.example/next?access_token=${query.access_token}&after=${cursor(end)}`;
    return { status: 200, body: { data: page, paging } };
  }

  function upload(
    method: string,
    audience: AudienceState,
    contentType: string,
    text: string,
  ): EmulatorAnswer {
    if (audience.subtype !== 'CUSTOM') return missing(method, `${audience.id}/users`);
    const params = uploadParams(contentType, text);
    if (typeof params === 'string') return graphError(400, `(#100) ${params}`, 100);
    const checked = checkUpload(params, maxUsers);
    if (!checked.ok) return graphError(400, checked.problem, 100);
    const applied = audience.apply(method === 'POST' ? 'add' : 'remove', checked.upload, refused);
    return applied.ok ? { status: 200, body: applied.answer } : graphError(400, applied.problem, 100);
  }

  function route(req: IncomingMessage, url: URL, text: string): EmulatorAnswer {
    const fault = faults.before();
    if (fault) return fault;
    const match = /^\/(v\d+\.\d+)\/([^?]+)$/.exec(url.pathname);
    if (!match)
      return graphError(
        400,
        'Unknown path components: the path must start with a version such as /v25.0/',
        2500,
      );
    const token = url.searchParams.get('access_token');
    if (!token) return graphError(400, 'An active access token must be used to query information.', 2500);
    if (token !== options.accessToken)
      return graphError(400, 'Invalid OAuth access token - Cannot parse access token', 190);
    const method = req.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const parts = match[2]!.split('/');
    const [id, edge] = parts;
    if (parts.length > 2 || !id) return missing(method, match[2]!);
    if (id.startsWith('act_')) {
      if (id !== options.adAccountId || method !== 'GET') return missing(method, id);
      if (edge === undefined)
        return {
          status: 200,
          body: { id, account_id: id.slice(4), name: options.adAccountName ?? 'Test ad account' },
        };
      return edge === 'customaudiences' ? listAudiences(query) : missing(method, `${id}/${edge}`);
    }
    const audience = audiences.get(id);
    if (!audience) return missing(method, edge ? `${id}/${edge}` : id);
    if (edge === undefined && method === 'GET')
      return { status: 200, body: { id: audience.id, name: audience.name, subtype: audience.subtype } };
    if (edge === 'users' && (method === 'POST' || method === 'DELETE'))
      return upload(method, audience, req.headers['content-type'] ?? '', text);
    return missing(method, edge ? `${id}/${edge}` : id);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const { raw, text } = await readRequest(req, MAX_BODY_BYTES);
    const entry: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: req.headers['content-type'] ?? '',
      body: parseOrText(text),
      status: 0,
    };
    received.push(entry);
    const answer =
      raw === undefined
        ? graphError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`, 100)
        : route(req, url, text);
    entry.status = answer.status;
    await server.respond(req, res, answer, { faults });
  }

  const server = await startEmulatorServer(handle);
  const audience = (id: string): AudienceState => {
    const a = audiences.get(id);
    if (!a) throw new Error(`the emulator has no audience ${id}`);
    return a;
  };

  return {
    url: `${server.origin}`,
    received,
    members: (id) => [...audience(id).members.values()],
    sessions: (id) => audience(id).sessions,
    refuseExternIds(ids) {
      for (const id of ids) refused.add(id);
    },
    failNext: (n, status, opts) => faults.failNext(n, status, opts),
    throttleNext: (n, seconds) => faults.throttleNext(n, seconds),
    delayNext: (n, ms) => faults.delayNext(n, ms),
    setFaults: (plan) => faults.setFaults(plan),
    clearFaults: () => faults.clearFaults(),
    throttleWithCode(n, code, opts = {}) {
      faults.answerNext(n, () => throttleAnswer(code, opts.status ?? 400, opts.regainAccessMinutes));
    },
    close() {
      return server.close();
    },
  };
}
