/**
 * The one HubSpot client: Bearer auth through the kit's destination HTTP (shared gate, 429 + Retry-After,
 * 5xx as transient), plus the answers every HubSpot call treats alike (401/403, unknown object type).
 */
import { createHash } from 'node:crypto';
import type { RequestGate } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import {
  credentialsRejected,
  destinationHttp,
  type DestinationHttp,
  type HttpAnswer,
} from '../../kit/http/destination-http';
import type { HubSpotDestinationConfig } from './hubspot-destination.config';

export const VENDOR = 'HubSpot';

export function hubspotHttp(
  config: HubSpotDestinationConfig,
  options: { gate?: RequestGate; signal?: AbortSignal; timeoutMs?: number } = {},
): DestinationHttp {
  return destinationHttp({
    vendor: VENDOR,
    baseUrl: config.baseUrl,
    headers: () => ({ Authorization: `Bearer ${config.accessToken}`, Accept: 'application/json' }),
    gate: options.gate,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
  });
}

/** Short and one-way: two destinations with the same token share HubSpot's per-app limit. */
export function tokenScope(config: HubSpotDestinationConfig): string {
  return `hubspot:${createHash('sha256').update(config.accessToken).digest('hex').slice(0, 16)}`;
}

/** HubSpot's own words for an error answer: `category: message` (fields are optional in its format). */
export function hubspotMessage(answer: Pick<HttpAnswer, 'json' | 'text'>): string {
  const body = answer.json as { message?: unknown; category?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : answer.text.slice(0, 300);
  return typeof body?.category === 'string' ? `${body.category}: ${message}` : message;
}

/** 401/403 throw: only fixing the token or the private app's scopes cures them. */
export function throwIfAuthFailure(answer: HttpAnswer, scopesHint: string): void {
  if (answer.status === 401)
    throw credentialsRejected(
      VENDOR,
      answer,
      'the private-app access token is invalid or revoked; paste a current token into this destination',
    );
  if (answer.status === 403)
    throw credentialsRejected(
      VENDOR,
      answer,
      `the private app lacks a scope this sync needs (${scopesHint}): ${hubspotMessage(answer)}`,
    );
}

/** Any other non-2xx on a read we cannot work without: a config problem when 4xx. */
export function unexpectedAnswer(answer: HttpAnswer, what: string): SynclineError {
  return new SynclineError(
    ErrorCode.InvalidConfig,
    `HubSpot refused ${what} (HTTP ${answer.status}): ${hubspotMessage(answer)}`,
    { details: { status: answer.status } },
  );
}
