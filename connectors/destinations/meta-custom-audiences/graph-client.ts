/**
 * Graph API calls through the destination HTTP kit: versioned paths, the token as the `access_token`
 * parameter (Graph API's documented way; the kit's messages show the host only, never the query), and
 * Meta's 400/403 throttling codes turned into pauses of the shared gate.
 */
import type { RequestGate } from '@syncline/domain';
import { destinationHttp, type HttpAnswer } from '../../kit/http/destination-http';
import { graphThrottleDelayMs } from './graph-error';
import type { MetaCustomAudiencesDestinationConfig } from './meta-custom-audiences-destination.config';

export interface GraphClient {
  host: string;
  send(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options?: { query?: Record<string, string | number | undefined>; json?: unknown },
  ): Promise<HttpAnswer>;
}

export function graphClient(
  config: MetaCustomAudiencesDestinationConfig,
  context: { gate?: RequestGate; signal?: AbortSignal } = {},
): GraphClient {
  const http = destinationHttp({
    vendor: 'Meta',
    baseUrl: config.baseUrl,
    gate: context.gate,
    signal: context.signal,
    throttleDelayMs: graphThrottleDelayMs,
  });
  return {
    host: http.host,
    send: (method, path, options = {}) =>
      http.send({
        method,
        path: `/${config.apiVersion}/${path}`,
        query: { ...options.query, access_token: config.accessToken },
        json: options.json,
      }),
  };
}
