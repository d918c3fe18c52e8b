import { type SlackEmulator, startSlackEmulator } from '../emulator';

const TOKEN = 'xoxb-emulator-0123';

describe('Slack emulator', () => {
  let slack: SlackEmulator;
  beforeEach(async () => {
    slack = await startSlackEmulator({
      token: TOKEN,
      channels: [
        { id: 'C1', name: 'alerts', member: true },
        { id: 'C2', name: 'general', member: false },
        { id: 'C3', name: 'old', member: true, archived: true },
        { id: 'G1', name: 'secret', member: true, private: true },
      ],
    });
  });
  afterEach(() => slack.close());

  const call = (method: string, body: Record<string, unknown>, token: string | null = TOKEN) =>
    fetch(`${slack.url}/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: (await r.json()) as Record<string, unknown>,
    }));

  it('answers not_authed and invalid_auth with HTTP 200, as Slack does', async () => {
    expect(await call('auth.test', {}, null)).toMatchObject({
      status: 200,
      body: { ok: false, error: 'not_authed' },
    });
    expect(await call('auth.test', {}, 'xoxb-wrong')).toMatchObject({
      body: { ok: false, error: 'invalid_auth' },
    });
    expect(await call('auth.test', {})).toMatchObject({ body: { ok: true, team: 'Syncline Test' } });
  });

  it('posts only to existing, unarchived channels the bot is in', async () => {
    expect((await call('chat.postMessage', { channel: 'C9', text: 'x' })).body.error).toBe(
      'channel_not_found',
    );
    expect((await call('chat.postMessage', { channel: 'C2', text: 'x' })).body.error).toBe('not_in_channel');
    expect((await call('chat.postMessage', { channel: 'C3', text: 'x' })).body.error).toBe('is_archived');
    const posted = await call('chat.postMessage', {
      channel: 'C1',
      text: 'hello',
      metadata: { event_type: 't', event_payload: { key: '1' } },
    });
    expect(posted.body).toMatchObject({ ok: true, channel: 'C1', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(slack.messages('C1')).toEqual([
      { ts: posted.body.ts, text: 'hello', metadata: { event_type: 't', event_payload: { key: '1' } } },
    ]);
  });

  it('refuses messages without text, too long, with malformed blocks or metadata', async () => {
    const post = async (args: Record<string, unknown>) =>
      (await call('chat.postMessage', { channel: 'C1', ...args })).body.error;
    expect(await post({})).toBe('no_text');
    expect(await post({ text: 'x'.repeat(40_001) })).toBe('msg_too_long');
    expect(await post({ text: 'x', blocks: { type: 'section' } })).toBe('invalid_blocks');
    expect(await post({ text: 'x', blocks: [{ text: 'no type' }] })).toBe('invalid_blocks');
    expect(await post({ text: 'x', metadata: { event_payload: {} } })).toBe('invalid_metadata_format');
    expect(await post({ blocks: [{ type: 'divider' }] })).toBeUndefined();
    expect(await post({ text: 'x'.repeat(40_000) })).toBeUndefined();
    expect(slack.messages('C1')).toHaveLength(2);
  });

  it('accepts form-encoded calls with blocks as a JSON string', async () => {
    const answer = await fetch(`${slack.url}/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: TOKEN,
        channel: 'C1',
        text: 'hi',
        blocks: '[{"type":"divider"}]',
      }).toString(),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(answer.ok).toBe(true);
    expect(slack.messages('C1')[0]).toMatchObject({ text: 'hi', blocks: [{ type: 'divider' }] });
  });

  it('lists conversations by type with cursor pagination', async () => {
    const list = (query: string) =>
      fetch(`${slack.url}/conversations.list?${query}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      }).then(
        (r) =>
          r.json() as Promise<{ channels: { id: string }[]; response_metadata: { next_cursor: string } }>,
      );
    const first = await list('types=public_channel,private_channel&exclude_archived=true&limit=2');
    expect(first.channels.map((c) => c.id)).toEqual(['C1', 'C2']);
    const second = await list(
      `types=public_channel,private_channel&exclude_archived=true&limit=2&cursor=${first.response_metadata.next_cursor}`,
    );
    expect(second.channels.map((c) => c.id)).toEqual(['G1']);
    expect(second.response_metadata.next_cursor).toBe('');
  });

  it('throttles with 429 + Retry-After and fails on demand', async () => {
    slack.throttleNext(1, 3);
    slack.failNext(1, 502);
    const throttled = await call('chat.postMessage', { channel: 'C1', text: 'x' });
    expect(throttled).toMatchObject({ status: 429, body: { ok: false, error: 'ratelimited' } });
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await call('chat.postMessage', { channel: 'C1', text: 'x' })).status).toBe(502);
    expect(slack.messages('C1')).toEqual([]);
    expect(slack.received.map((r) => r.status)).toEqual([429, 502]);
  });
});
