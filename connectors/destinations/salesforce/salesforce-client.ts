/**
 * The authenticated Salesforce REST client a write or a discovery call uses: every request goes through the
 * destination HTTP kit (shared gate, 429 and 5xx handling), carries `Authorization: Bearer`, and, with the
 * refresh-token flow, gets a new access token once when Salesforce answers 401 INVALID_SESSION_ID.
 * REQUEST_LIMIT_EXCEEDED (HTTP 403, no Retry-After) is treated as throttling, not as a credentials problem.
 */
import type { RequestGate } from '@syncline/domain';
import { destinationHttp, type HttpAnswer, type HttpRequest } from '../../kit/http/destination-http';
import { hasErrorCode, VENDOR } from './salesforce-errors';
import { type SalesforceDestinationConfig, usesRefreshToken } from './salesforce-destination.config';
import { accessTokenFor, forgetAccessToken } from './salesforce-token';

export interface SalesforceClient {
  /** `path` is relative to `/services/data/vXX.X`. */
  api(request: HttpRequest): Promise<HttpAnswer>;
  readonly host: string;
}

export interface ClientOptions {
  gate?: RequestGate;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function salesforceClient(
  config: SalesforceDestinationConfig,
  options: ClientOptions = {},
): SalesforceClient {
  let token: string | undefined = usesRefreshToken(config) ? undefined : config.accessToken;
  const http = destinationHttp({
    vendor: VENDOR,
    baseUrl: config.instanceUrl,
    headers: () => ({ Authorization: `Bearer ${token ?? ''}`, Accept: 'application/json' }),
    gate: options.gate,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
    throttleDelayMs: (answer) =>
      answer.status === 403 && hasErrorCode(answer, 'REQUEST_LIMIT_EXCEEDED')
        ? config.requestLimitBackoffMs
        : undefined,
  });
  const prefix = `/services/data/${config.apiVersion}`;
  return {
    host: http.host,
    async api(request) {
      const full = { ...request, path: prefix + request.path };
      if (!usesRefreshToken(config)) return http.send(full);
      token ??= await accessTokenFor(config, options);
      const answer = await http.send(full);
      if (answer.status !== 401 || !hasErrorCode(answer, 'INVALID_SESSION_ID')) return answer;
      // The cached token expired or was revoked: one fresh token, one retry; a second 401 is the caller's.
      forgetAccessToken(config);
      token = await accessTokenFor(config, options);
      return http.send(full);
    },
  };
}
