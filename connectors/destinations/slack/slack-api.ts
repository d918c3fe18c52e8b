/**
 * Calls Slack Web API methods through the destination HTTP kit and reads Slack's envelope: HTTP 200 with
 * `{ok: true, …}` or `{ok: false, error}`. 429 (with Retry-After) and 5xx are the kit's business.
 */
import type { WriteContext } from '@syncline/domain';
import { destinationHttp, type DestinationHttp } from '../../kit/http/destination-http';
import type { SlackDestinationConfig } from './slack-destination.config';

export interface SlackAnswer {
  ok: boolean;
  /** Slack's error code (`channel_not_found` …), or `http_<status>` when the answer was not Slack's envelope. */
  error?: string;
  json: Record<string, unknown>;
}

export function slackClient(
  config: SlackDestinationConfig,
  context: Pick<WriteContext, 'gate' | 'signal'> = {},
): DestinationHttp {
  return destinationHttp({
    vendor: 'Slack',
    baseUrl: config.baseUrl,
    headers: () => ({ Authorization: `Bearer ${config.token}` }),
    gate: context.gate,
    signal: context.signal,
  });
}

export async function callSlack(
  http: DestinationHttp,
  method: string,
  request: { json?: Record<string, unknown>; query?: Record<string, string | number | boolean | undefined> },
): Promise<SlackAnswer> {
  const answer = await http.send({
    method: request.json ? 'POST' : 'GET',
    path: `/${method}`,
    query: request.query,
    // Sent as a string with our own Content-Type: Slack wants the charset named (else it warns
    // "missing_charset"), and the kit's `json` option sets a bare application/json.
    body: request.json ? JSON.stringify(request.json) : undefined,
    headers: request.json ? { 'Content-Type': 'application/json; charset=utf-8' } : undefined,
  });
  const json = answer.json;
  if (answer.status === 200 && typeof json === 'object' && json !== null && 'ok' in json) {
    const body = json as Record<string, unknown>;
    return body.ok === true
      ? { ok: true, json: body }
      : { ok: false, error: typeof body.error === 'string' ? body.error : 'unknown_error', json: body };
  }
  return { ok: false, error: `http_${answer.status}`, json: { text: answer.text.slice(0, 200) } };
}
