/**
 * The one way a SaaS destination calls its vendor: every request passes the destination's shared gate
 * (rate limit + concurrency), a 429 pauses the destination for every worker and is retried here once the
 * pause is over, and what no batch can fix (5xx, timeouts, network errors) becomes a transient
 * SynclineError that Temporal's activity retry policy retries. Everything else is handed back to the
 * connector, which knows its vendor's per-record answers.
 *
 * Messages name the vendor and host only: paths and query strings may carry tokens (Meta's access_token).
 */
import type { RequestGate } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { localGate } from '@syncline/rate-limit';
import { describeFetchError } from './describe-fetch-error';
import { parseRetryAfter } from './retry-after';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export interface DestinationHttpOptions {
  /** Shown in messages: "HubSpot", "Salesforce" … */
  vendor: string;
  baseUrl: string;
  /** Auth and fixed headers; called per request so refreshed tokens are picked up. */
  headers?: () => Record<string, string>;
  gate?: RequestGate;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * Vendors that throttle without HTTP 429 (Meta error codes, Salesforce REQUEST_LIMIT_EXCEEDED): return
   * how long to wait when this answer is a throttle, else undefined.
   */
  throttleDelayMs?: (answer: HttpAnswer) => number | undefined;
  /** A pause longer than this is not waited out in the activity: the run retries later (Temporal timer). */
  maxInlineWaitMs?: number;
  /** 429s in a row on one request before giving up to Temporal's retry. */
  maxThrottledAttempts?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Appended to baseUrl; may hold a query string. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is (CSV uploads). */
  body?: string;
  headers?: Record<string, string>;
}

export interface DestinationHttp {
  readonly host: string;
  send(request: HttpRequest): Promise<HttpAnswer>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// Well under the deliver activity's heartbeat timeout (1 minute): longer waits become a Temporal retry timer.
const DEFAULT_MAX_INLINE_WAIT_MS = 30_000;
const DEFAULT_MAX_THROTTLED_ATTEMPTS = 6;

export function destinationHttp(options: DestinationHttpOptions): DestinationHttp {
  const gate = options.gate ?? localGate();
  const host = new URL(options.baseUrl).host;
  const maxInlineWaitMs = options.maxInlineWaitMs ?? DEFAULT_MAX_INLINE_WAIT_MS;
  const maxThrottled = options.maxThrottledAttempts ?? DEFAULT_MAX_THROTTLED_ATTEMPTS;
  const where = `${options.vendor} (${host})`;

  async function once(request: HttpRequest): Promise<HttpAnswer> {
    // An empty path is the base URL exactly as configured (webhooks).
    const url = new URL(request.path ? options.baseUrl.replace(/\/$/, '') + request.path : options.baseUrl);
    for (const [k, v] of Object.entries(request.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { ...options.headers?.(), ...request.headers };
    const typed = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
    if (request.json !== undefined && !typed) headers['Content-Type'] = 'application/json';
    const release = await gate.acquire(options.signal);
    // The timeout starts once the gate lets the request go: waiting out a pause is not the vendor's slowness.
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
        signal,
        redirect: 'manual',
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, json: parseJson(text) };
    } catch (err) {
      const why = timeout.aborted
        ? `no answer within ${timeoutMs} ms`
        : options.signal?.aborted
          ? 'the sync run was cancelled'
          : describeFetchError(err);
      throw new SynclineError(ErrorCode.DestinationUnavailable, `${where} could not be reached: ${why}`, {
        cause: err,
        details: { timedOut: timeout.aborted },
      });
    } finally {
      release();
    }
  }

  return {
    host,
    async send(request) {
      for (let throttled = 1; ; throttled++) {
        const answer = await once(request);
        const waitMs =
          answer.status === 429
            ? parseRetryAfter(answer.headers.get('retry-after'))
            : options.throttleDelayMs?.(answer);
        if (waitMs === undefined) {
          if (answer.status >= 500 || answer.status === 408)
            throw new SynclineError(
              ErrorCode.DestinationUnavailable,
              `${where} is unavailable (HTTP ${answer.status}): ${answer.text.slice(0, 200)}`,
              { details: { status: answer.status } },
            );
          return answer;
        }
        // Everyone sending to this destination waits, not just this request.
        await gate.pause(waitMs);
        if (waitMs > maxInlineWaitMs || throttled >= maxThrottled)
          throw new SynclineError(
            ErrorCode.RateLimited,
            `${where} is rate limiting (HTTP ${answer.status}); retrying in ${Math.ceil(waitMs / 1000)} s`,
            { retryAfterMs: waitMs, details: { status: answer.status } },
          );
        // The next acquire waits the pause out, like every other request to this destination.
      }
    },
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** 401/403: the credentials are wrong or lack a scope — fixing the destination's config is the only cure. */
export function credentialsRejected(vendor: string, answer: HttpAnswer, hint: string): SynclineError {
  return new SynclineError(
    ErrorCode.DestinationConnectionFailed,
    `${vendor} refused the credentials (HTTP ${answer.status}): ${hint}`,
    { details: { status: answer.status } },
  );
}
