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

export interface MetaEmulator {
  url: string;
  received: ReceivedRequest[];
  /** The audience's members, as stored (hashed values), in insertion order. */
  members(audienceId: string): Member[];
  sessions(audienceId: string): Map<number, SessionState>;
  /** Rows carrying these EXTERN_IDs are counted invalid (num_invalid_entries) and not stored. */
  refuseExternIds(ids: string[]): void;
  /** The next `n` requests are answered `status` with Graph error code 2 (temporarily unavailable). */
  failNext(n: number, status: number): void;
  /** The next `n` requests are answered 429 with `Retry-After: seconds`. */
  throttleNext(n: number, retryAfterSeconds: number): void;
  /** The next `n` requests get Meta's throttle: HTTP 400, error `code`, and optionally a usage header. */
  throttleWithCode(
    n: number,
    code: number,
    options?: { regainAccessMinutes?: number; status?: number },
  ): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Fault =
  | { kind: 'fail'; status: number }
  | { kind: 'retry-after'; seconds: number }
  | { kind: 'code'; code: number; status: number; minutes?: number };

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const PAGE_SIZE = 25;

const graphError = (
  status: number,
  message: string,
  code: number,
  extra: Record<string, unknown> = {},
): Answer => ({
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

const missing = (method: string, id: string): Answer =>
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
  const faults: Fault[] = [];
  const refused = new Set<string>();

  function faultAnswer(fault: Fault): Answer {
    if (fault.kind === 'fail')
      return graphError(fault.status, 'Service temporarily unavailable', 2, { is_transient: true });
    if (fault.kind === 'retry-after')
      return {
        ...graphError(429, 'Too many requests', 17),
        headers: { 'Retry-After': String(fault.seconds) },
      };
    const usage =
      fault.minutes === undefined
        ? undefined
        : JSON.stringify({
            [options.adAccountId.slice(4)]: [
              {
                type: 'custom_audience',
                call_count: 100,
                total_cputime: 20,
                total_time: 30,
                estimated_time_to_regain_access: fault.minutes,
              },
            ],
          });
    return {
      ...graphError(
        fault.status,
        'There have been too many calls for this custom audience. Wait a bit and try again.',
        fault.code,
      ),
      headers: usage ? { 'X-Business-Use-Case-Usage': usage } : undefined,
    };
  }

  function listAudiences(query: Record<string, string>): Answer {
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

  function upload(method: string, audience: AudienceState, contentType: string, text: string): Answer {
    if (audience.subtype !== 'CUSTOM') return missing(method, `${audience.id}/users`);
    const params = uploadParams(contentType, text);
    if (typeof params === 'string') return graphError(400, `(#100) ${params}`, 100);
    const checked = checkUpload(params, maxUsers);
    if (!checked.ok) return graphError(400, checked.problem, 100);
    const applied = audience.apply(method === 'POST' ? 'add' : 'remove', checked.upload, refused);
    return applied.ok ? { status: 200, body: applied.answer } : graphError(400, applied.problem, 100);
  }

  function route(req: IncomingMessage, url: URL, text: string): Answer {
    const fault = faults.shift();
    if (fault) return faultAnswer(fault);
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
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
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
    failNext(n, status) {
      for (let i = 0; i < n; i++) faults.push({ kind: 'fail', status });
    },
    throttleNext(n, seconds) {
      for (let i = 0; i < n; i++) faults.push({ kind: 'retry-after', seconds });
    },
    throttleWithCode(n, code, opts = {}) {
      for (let i = 0; i < n; i++)
        faults.push({ kind: 'code', code, status: opts.status ?? 400, minutes: opts.regainAccessMinutes });
    },
    close() {
      return server.close();
    },
  };
}
