import type { DestinationRecord, WriteContext } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { parseConnectorConfig } from '../../../kit/parse-config';
import { type SlackEmulator, startSlackEmulator } from '../../../testing/emulators/slack/emulator';
import { slackDestination } from '../slack-destination';
import type { SlackDestinationConfig } from '../slack-destination.config';

const TOKEN = 'xoxb-spec-0123456789';

const row = (
  key: string,
  op: DestinationRecord['op'],
  fields: Record<string, unknown> = {},
): DestinationRecord => ({
  key,
  op,
  fields,
  idempotencyKey: `${key}:${op}`,
});

describe('Slack destination', () => {
  let slack: SlackEmulator;
  let config: SlackDestinationConfig;
  const mirror: WriteContext = { mode: 'mirror', object: 'C1' };

  beforeEach(async () => {
    slack = await startSlackEmulator({
      token: TOKEN,
      channels: [
        { id: 'C1', name: 'signups', member: true },
        { id: 'C2', name: 'general', member: false },
        { id: 'G1', name: 'private', member: true, private: true },
      ],
    });
    config = slackDestination.spec.parse({ token: TOKEN, baseUrl: slack.url });
  });
  afterEach(() => slack.close());

  it('posts one message per row with the mapped fields and the row metadata', async () => {
    const outcomes = await slackDestination.write(
      config,
      [
        row('1', 'added', {
          text: 'New signup: ada@example.com',
          username: 'Syncline',
          icon_emoji: ':tada:',
        }),
        row('2', 'added', { text: 'With blocks', blocks: '[{"type":"divider"}]' }),
      ],
      mirror,
    );
    expect(outcomes).toEqual([
      { key: '1', status: 'accepted' },
      { key: '2', status: 'accepted' },
    ]);
    expect(slack.messages('C1').map(({ ts: _ts, ...m }) => m)).toEqual([
      {
        text: 'New signup: ada@example.com',
        username: 'Syncline',
        icon_emoji: ':tada:',
        metadata: { event_type: 'syncline_row', event_payload: { key: '1', op: 'added' } },
      },
      {
        text: 'With blocks',
        blocks: [{ type: 'divider' }],
        metadata: { event_type: 'syncline_row', event_payload: { key: '2', op: 'added' } },
      },
    ]);
    expect(slack.received.every((r) => r.headers['content-type'] === 'application/json; charset=utf-8')).toBe(
      true,
    );
  });

  it('posts added rows in insert mode, added and changed in upsert, and every change in mirror', async () => {
    const rows = [row('a', 'added', { text: 'a' }), row('c', 'changed', { text: 'c' }), row('r', 'removed')];
    const posted = async (mode: WriteContext['mode']) => {
      const before = slack.messages('C1').length;
      const outcomes = await slackDestination.write(config, rows, { mode, object: 'C1' });
      expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
      return slack
        .messages('C1')
        .slice(before)
        .map((m) => m.text);
    };
    expect(await posted('insert')).toEqual(['a']);
    expect(await posted('upsert')).toEqual(['a', 'c']);
    expect(await posted('mirror')).toEqual(['a', 'c', 'Row r was removed.']);
  });

  it('renders the configured removedTemplate for removed rows', async () => {
    const custom = slackDestination.spec.parse({
      token: TOKEN,
      baseUrl: slack.url,
      removedTemplate: 'Churned: {{ key | upcase }}',
    });
    await slackDestination.write(custom, [row('acme', 'removed')], mirror);
    expect(slack.messages('C1')[0]?.text).toBe('Churned: ACME');
  });

  it('refuses a removedTemplate Liquid cannot parse, and a token that is not a bot token', () => {
    expect(() =>
      parseConnectorConfig(slackDestination, { token: TOKEN, removedTemplate: '{{ key | nosuchfilter }}' }),
    ).toThrow(/removedTemplate: is not a valid Liquid template/);
    expect(() => parseConnectorConfig(slackDestination, { token: 'xoxp-user-token' })).toThrow(/bot token/);
  });

  it("rejects a row with Slack's own error and keeps posting the others", async () => {
    const outcomes = await slackDestination.write(
      config,
      [
        row('long', 'added', { text: 'x'.repeat(40_001) }),
        row('blocks', 'added', { text: 'b', blocks: { type: 'section' } }),
        row('empty', 'added', { text: '' }),
        row('bad-json', 'added', { text: 'j', blocks: '[{' }),
        row('ok', 'added', { text: 'fine' }),
      ],
      mirror,
    );
    expect(outcomes).toEqual([
      { key: 'long', status: 'rejected', reason: 'Slack refused the message: msg_too_long' },
      { key: 'blocks', status: 'rejected', reason: 'Slack refused the message: invalid_blocks' },
      { key: 'empty', status: 'rejected', reason: 'Slack refused the message: no_text' },
      { key: 'bad-json', status: 'rejected', reason: expect.stringContaining('field "blocks"') },
      { key: 'ok', status: 'accepted' },
    ]);
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['fine']);
    expect(slack.received).toHaveLength(4);
  });

  it('fails the write with InvalidConfig for a channel the bot cannot post to', async () => {
    for (const object of ['C9', 'C2']) {
      const err = await slackDestination
        .write(config, [row('1', 'added', { text: 'x' })], { mode: 'insert', object })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: ErrorCode.InvalidConfig, message: expect.stringContaining(object) });
    }
    await expect(
      slackDestination.write(config, [row('1', 'added', { text: 'x' })], { mode: 'insert' }),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidConfig,
    });
  });

  it('fails the write with DestinationConnectionFailed for a refused token, without showing it', async () => {
    const wrong = { ...config, token: 'xoxb-revoked-000' };
    const err = await slackDestination
      .write(wrong, [row('1', 'added', { text: 'x' })], mirror)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: ErrorCode.DestinationConnectionFailed,
      message: expect.stringContaining('invalid_auth'),
    });
    expect((err as Error).message).not.toContain('xoxb-revoked-000');
  });

  it('throws a transient error when nothing was posted yet, so the write is retried whole', async () => {
    slack.failNext(1, 503);
    const err = await slackDestination
      .write(config, [row('1', 'added', { text: 'x' }), row('2', 'added', { text: 'y' })], mirror)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SynclineError);
    expect((err as SynclineError).transient).toBe(true);
    expect(slack.messages('C1')).toEqual([]);
  });

  it('ends the write early after a transient error once a message is posted, so a retry cannot repost it', async () => {
    slack.failNext(1, 503, { skip: 1 });
    const outcomes = await slackDestination.write(
      config,
      [
        row('1', 'added', { text: 'one' }),
        row('2', 'added', { text: 'two' }),
        row('3', 'added', { text: 'three' }),
      ],
      mirror,
    );
    expect(outcomes).toEqual([
      { key: '1', status: 'accepted' },
      {
        key: '2',
        status: 'rejected',
        reason: expect.stringMatching(/^Not posted, will be retried on the next run: .*HTTP 503/),
      },
      { key: '3', status: 'rejected', reason: expect.stringMatching(/^Not posted/) },
    ]);
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['one']);
    expect(slack.received).toHaveLength(2);
  });

  it('posts the same row twice when written twice: Slack has no idempotency key', async () => {
    await slackDestination.write(config, [row('1', 'added', { text: 'hello' })], mirror);
    await slackDestination.write(config, [row('1', 'added', { text: 'hello' })], mirror);
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['hello', 'hello']);
  });

  it('checks the token with auth.test', async () => {
    expect(await slackDestination.check(config)).toEqual({
      ok: true,
      message: expect.stringContaining('"Syncline Test" as syncline-bot'),
    });
    const failed = await slackDestination.check({ ...config, token: 'xoxb-nope' });
    expect(failed).toEqual({ ok: false, message: expect.stringContaining('invalid_auth') });
    expect(failed.message).not.toContain('xoxb-nope');
  });

  it('discovers the channels the bot is a member of, across pages, and the message fields', async () => {
    expect(await slackDestination.objects(config)).toEqual([
      { name: 'C1', modes: ['insert', 'upsert', 'mirror'] },
      { name: 'G1', modes: ['insert', 'upsert', 'mirror'] },
    ]);
    expect(await slackDestination.fields(config, 'C1')).toEqual([
      { name: 'text', type: 'string', required: true },
      { name: 'blocks', type: 'json', required: false },
      { name: 'username', type: 'string', required: false },
      { name: 'icon_emoji', type: 'string', required: false },
    ]);
  });
});
