/**
 * An in-process Slack Web API for tests: `auth.test`, `conversations.list` and `chat.postMessage` under
 * /api, Bearer bot-token auth (HTTP 200 `{ok:false, error:'invalid_auth'}`, as Slack answers), channel
 * existence and bot membership, message validation (see emulator-validation), a per-channel message store,
 * 429 with Retry-After and 5xx on demand.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkMessage, type PostedMessage } from './emulator-validation';
import { readRequest, startEmulatorServer } from '../kit/emulator-server';
import { type EmulatorAnswer, EmulatorFaults, type FaultControls, type StatusFault } from '../kit/faults';

export type { PostedMessage } from './emulator-validation';

export interface EmulatedChannel {
  id: string;
  name: string;
  /** Whether the bot has been invited (chat.postMessage answers not_in_channel otherwise). */
  member: boolean;
  private?: boolean;
  archived?: boolean;
}

export interface SlackReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  /** Slack's `error` when it answered ok:false. */
  error?: string;
}

export interface SlackEmulator extends FaultControls {
  /** The Web API base URL to configure as `baseUrl`. */
  url: string;
  received: SlackReceivedRequest[];
  /** Messages posted to a channel, oldest first. */
  messages(channel: string): PostedMessage[];
  close(): Promise<void>;
}

/** A Slack answer: its body always says `ok`, and `error` when it is false. */
type Answer = EmulatorAnswer & { body: Record<string, unknown> };

/** Slack's outage and rate-limit answers. */
function faultAnswer({ status, retryAfterSeconds }: StatusFault): Answer {
  if (status !== 429) return { status, body: { ok: false, error: 'internal_error' } };
  return {
    status: 429,
    body: { ok: false, error: 'ratelimited' },
    headers: { 'Retry-After': String(retryAfterSeconds ?? 1) },
  };
}

const TEAM = {
  team: 'Syncline Test',
  team_id: 'T0SYNCLINE',
  user: 'syncline-bot',
  user_id: 'U0SYNCBOT',
  bot_id: 'B0SYNCBOT',
};

export async function startSlackEmulator(options: {
  token: string;
  channels: EmulatedChannel[];
}): Promise<SlackEmulator> {
  const received: SlackReceivedRequest[] = [];
  const store = new Map<string, PostedMessage[]>();
  const faults = new EmulatorFaults(faultAnswer);
  let sequence = 0;

  function postMessage(args: Record<string, unknown>): Answer {
    const channel = options.channels.find((c) => c.id === args.channel || `#${c.name}` === args.channel);
    if (!channel) return slackError('channel_not_found');
    if (channel.archived) return slackError('is_archived');
    if (!channel.member) return slackError('not_in_channel');
    const check = checkMessage(args);
    if (!check.ok) return slackError(check.error);
    sequence += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
    const message = { ts, ...check.message };
    store.set(channel.id, [...(store.get(channel.id) ?? []), message]);
    return {
      status: 200,
      body: { ok: true, channel: channel.id, ts, message: { type: 'message', ...message } },
    };
  }

  function listConversations(args: Record<string, unknown>): Answer {
    const types = String(args.types ?? 'public_channel').split(',');
    const excludeArchived = String(args.exclude_archived) === 'true';
    const limit = Math.min(Number(args.limit ?? 100) || 100, 1000);
    const offset = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString('utf8')) : 0;
    const visible = options.channels.filter(
      (c) =>
        types.includes(c.private ? 'private_channel' : 'public_channel') && !(excludeArchived && c.archived),
    );
    const page = visible.slice(offset, offset + limit);
    const next =
      offset + limit < visible.length ? Buffer.from(String(offset + limit)).toString('base64') : '';
    return {
      status: 200,
      body: {
        ok: true,
        channels: page.map((c) => ({
          id: c.id,
          name: c.name,
          is_channel: true,
          is_private: c.private === true,
          is_archived: c.archived === true,
          is_member: c.member,
        })),
        response_metadata: { next_cursor: next },
      },
    };
  }

  function decide(
    req: IncomingMessage,
    headers: Record<string, string>,
    args: Record<string, unknown>,
  ): Answer {
    const fault = faults.before() as Answer | undefined;
    if (fault) return fault;
    const bearer = headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    if (!token) return slackError('not_authed');
    if (token !== options.token) return slackError('invalid_auth');
    const method = new URL(req.url ?? '/', 'http://emulator').pathname.replace(/^\/api\//, '');
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, url: 'https://syncline-test.slack.com/', ...TEAM } };
      case 'conversations.list':
        return listConversations(args);
      case 'chat.postMessage':
        return req.method === 'POST' ? postMessage(args) : slackError('invalid_request_data');
      default:
        return { status: 404, body: { ok: false, error: 'unknown_method' } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { text, headers } = await readRequest(req);
    const parsed = readArguments(req, headers, text);
    const answer = parsed.ok ? decide(req, headers, parsed.args) : slackError(parsed.error);
    received.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers,
      body: parsed.ok ? parsed.args : text,
      status: answer.status,
      ...(answer.body.ok === false ? { error: String(answer.body.error) } : {}),
    });
    await server.respond(req, res, answer, { faults, contentType: 'application/json; charset=utf-8' });
  }

  const server = await startEmulatorServer(handle);

  return {
    url: `${server.origin}/api`,
    received,
    messages: (channel) => structuredClone(store.get(channel) ?? []),
    failNext: (n, status, opts) => faults.failNext(n, status, opts),
    throttleNext: (n, seconds) => faults.throttleNext(n, seconds),
    delayNext: (n, ms) => faults.delayNext(n, ms),
    setFaults: (plan) => faults.setFaults(plan),
    clearFaults: () => faults.clearFaults(),
    close() {
      return server.close();
    },
  };
}

const slackError = (error: string): Answer => ({ status: 200, body: { ok: false, error } });

/** Query string, then a JSON or form-encoded body: Slack accepts arguments all three ways. */
function readArguments(
  req: IncomingMessage,
  headers: Record<string, string>,
  text: string,
): { ok: true; args: Record<string, unknown> } | { ok: false; error: string } {
  const args: Record<string, unknown> = Object.fromEntries(
    new URL(req.url ?? '/', 'http://emulator').searchParams,
  );
  if (!text) return { ok: true, args };
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return { ok: false, error: 'invalid_json' };
      return { ok: true, args: { ...args, ...(body as Record<string, unknown>) } };
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded'))
    return { ok: true, args: { ...args, ...Object.fromEntries(new URLSearchParams(text)) } };
  return { ok: false, error: 'invalid_form_data' };
}
