/** Builds and sends one signed webhook request through the destination's gate (see kit/http). */
import type { DestinationRecord, RequestGate } from '@syncline/domain';
import { destinationHttp, type HttpAnswer } from '../../kit/http/destination-http';
import { batchIdempotencyKey, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody } from './signing';
import type { WebhookDestinationConfig } from './webhook-destination.config';

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
  options: { signal?: AbortSignal; timeoutMs: number; gate?: RequestGate },
): Promise<HttpAnswer> {
  const http = destinationHttp({
    vendor: 'Webhook',
    baseUrl: config.url,
    gate: options.gate,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return http.send({ method: 'POST', path: '', body: request.body, headers: request.headers });
}
