/** Builds and sends one signed webhook request; network failures and timeouts become DestinationUnavailable. */
import type { DestinationRecord } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { batchIdempotencyKey, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody } from './signing';
import type { WebhookDestinationConfig } from './webhook-destination.config';
import type { WebhookAnswer } from './webhook-response';

/** The records' JSON, one string each: a record that cannot be serialised is reported alone, not the batch. */
export function serialiseRecord(record: DestinationRecord): string | Error {
  try {
    const { op, key, fields, idempotencyKey } = record;
    return JSON.stringify({ op, key, fields, idempotencyKey });
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** The body is assembled once as a string and that exact string is signed and sent. */
export function signedRequest(
  config: WebhookDestinationConfig,
  serialisedRecords: readonly string[],
  idempotencyKeys: readonly string[],
  extra: Record<string, unknown> = {},
): SignedRequest {
  const extraJson = Object.entries(extra).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const body = `{"batch":[${serialisedRecords.join(',')}]${extraJson.join('')}}`;
  return {
    body,
    headers: {
      ...config.headers,
      'Content-Type': 'application/json',
      [SIGNATURE_HEADER]: signBody(config.secret, body),
      [IDEMPOTENCY_HEADER]: batchIdempotencyKey(idempotencyKeys),
    },
  };
}

/** Host only: paths and query strings may carry tokens, so messages never show them. */
export function webhookHost(config: WebhookDestinationConfig): string {
  return new URL(config.url).host;
}

export async function postSigned(
  config: WebhookDestinationConfig,
  request: SignedRequest,
  options: { signal?: AbortSignal; timeoutMs: number },
): Promise<WebhookAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const host = webhookHost(config);
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal,
      redirect: 'manual',
    });
    // Reading the body frees the connection for reuse; only its start is ever shown to users.
    const body = await response.text();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  } catch (err) {
    const why = timeout.aborted
      ? `no answer within ${options.timeoutMs} ms`
      : options.signal?.aborted
        ? 'the sync run was cancelled'
        : describeFetchError(err);
    throw new SynclineError(
      ErrorCode.DestinationUnavailable,
      `Webhook at ${host} could not be reached: ${why}`,
      {
        cause: err,
        details: { timedOut: timeout.aborted },
      },
    );
  }
}

/**
 * fetch wraps socket errors ("fetch failed"); the cause carries the useful code (ECONNREFUSED …).
 * Read by property, not instanceof: undici's errors may come from another realm (e.g. under jest).
 */
function describeFetchError(err: unknown): string {
  const prop = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  const cause = prop(err, 'cause');
  const code = prop(cause, 'code');
  const message = prop(cause, 'message') ?? prop(err, 'message') ?? String(err);
  return typeof code === 'string' ? `${code} (${String(message)})` : String(message);
}
