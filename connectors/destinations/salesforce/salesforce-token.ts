/**
 * OAuth 2.0 refresh-token flow against `{loginUrl}/services/oauth2/token`. Access tokens are cached per
 * connected app + refresh token (by hash, never the raw values), so workers do not mint one per batch.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { createHash } from 'node:crypto';
import { destinationHttp } from '../../kit/http/destination-http';
import { VENDOR } from './salesforce-errors';
import type { SalesforceRefreshConfig } from './salesforce-destination.config';
import type { ClientOptions } from './salesforce-client';

const cache = new Map<string, Promise<string>>();

const cacheKey = (config: SalesforceRefreshConfig): string =>
  createHash('sha256').update(`${config.loginUrl}\n${config.clientId}\n${config.refreshToken}`).digest('hex');

export function forgetAccessToken(config: SalesforceRefreshConfig): void {
  cache.delete(cacheKey(config));
}

export function accessTokenFor(config: SalesforceRefreshConfig, options: ClientOptions): Promise<string> {
  const key = cacheKey(config);
  let token = cache.get(key);
  if (!token) {
    token = fetchAccessToken(config, options);
    cache.set(key, token);
    // A failed refresh must not stay cached: the next call tries again.
    token.catch(() => cache.delete(key));
  }
  return token;
}

async function fetchAccessToken(config: SalesforceRefreshConfig, options: ClientOptions): Promise<string> {
  const http = destinationHttp({
    vendor: VENDOR,
    baseUrl: config.loginUrl,
    gate: options.gate,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
  });
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: config.clientId,
    client_secret: config.clientSecret,
    refresh_token: config.refreshToken,
  });
  const answer = await http.send({
    method: 'POST',
    path: '/services/oauth2/token',
    body: form.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  });
  const body = (answer.json ?? {}) as {
    access_token?: unknown;
    error?: unknown;
    error_description?: unknown;
  };
  if (answer.status === 200 && typeof body.access_token === 'string') return body.access_token;
  // error / error_description are Salesforce's codes ("invalid_grant", "expired access/refresh token").
  const why = [body.error, body.error_description].filter((v) => typeof v === 'string').join(': ');
  throw new SynclineError(
    ErrorCode.DestinationConnectionFailed,
    `${VENDOR} (${http.host}) refused the refresh token (HTTP ${answer.status}${why ? `, ${why}` : ''}): reconnect the destination or check the connected app's client id and secret`,
    { details: { status: answer.status } },
  );
}
