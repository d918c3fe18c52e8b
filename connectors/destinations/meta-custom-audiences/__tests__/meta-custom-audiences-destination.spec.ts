import { createHash } from 'node:crypto';
import type { DestinationRecord, RequestGate, WriteContext } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import { writeIsolating } from '../../../kit/write-isolating';
import {
  startMetaCustomAudiencesEmulator,
  type MetaEmulator,
} from '../../../testing/emulators/meta-custom-audiences/emulator';
import { metaCustomAudiencesDestination as meta } from '../meta-custom-audiences-destination';
import type { MetaCustomAudiencesDestinationConfig } from '../meta-custom-audiences-destination.config';

const token = 'EAAG-spec-system-user-token-0123456789';
const AUDIENCE = '7001';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
let emulator: MetaEmulator;
let config: MetaCustomAudiencesDestinationConfig;

beforeEach(async () => {
  emulator = await startMetaCustomAudiencesEmulator({
    accessToken: token,
    adAccountId: 'act_42',
    adAccountName: 'Acme Ads',
    audiences: [
      { id: AUDIENCE, name: 'Customers' },
      { id: '7002', name: 'Lookalike 1%', subtype: 'LOOKALIKE' },
    ],
  });
  config = {
    accessToken: token,
    adAccountId: 'act_42',
    apiVersion: 'v25.0',
    baseUrl: emulator.url,
    defaultCountryCode: 'US',
  };
});
afterEach(async () => emulator.close());

const rec = (
  key: string,
  fields: Record<string, unknown> = { email: `${key}@example.com` },
  op: DestinationRecord['op'] = 'added',
): DestinationRecord => ({
  key,
  op,
  fields: op === 'removed' ? {} : fields,
  idempotencyKey: `ik-${key}-${op}`,
});
const mirror: WriteContext = { mode: 'mirror', object: AUDIENCE, runId: 'run-1' };
const write = (
  records: DestinationRecord[],
  context: Partial<WriteContext> = {},
  overrides: Partial<MetaCustomAudiencesDestinationConfig> = {},
) => meta.write({ ...config, ...overrides }, records, { ...mirror, ...context });

async function failure(run: () => Promise<unknown>): Promise<SynclineError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SynclineError);
  return err as SynclineError;
}

const uploads = () => emulator.received.filter((r) => r.path.endsWith('/users'));

describe('meta custom audiences: write', () => {
  it('sends one POST of normalised, hashed rows with EXTERN_ID = hash of the model key and a session', async () => {
    const outcomes = await write([
      rec('1', { EMAIL: ' Jane@Example.com ', phone: '(650) 253-0000', FN: 'Jane' }),
      rec('2', { email: 'joe@example.com', MADID: 'AB-CD' }),
    ]);
    expect(outcomes).toEqual([
      { key: '1', status: 'accepted' },
      { key: '2', status: 'accepted' },
    ]);
    expect(uploads()).toHaveLength(1);
    const [request] = uploads();
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v25.0/${AUDIENCE}/users`,
      status: 200,
      query: { access_token: token },
    });
    const body = request!.body as {
      payload: { schema: string[]; data: string[][] };
      session: Record<string, unknown>;
    };
    expect(body.payload).toEqual({
      schema: ['EMAIL', 'PHONE', 'FN', 'EXTERN_ID', 'MADID'],
      data: [
        [sha('jane@example.com'), sha('16502530000'), sha('jane'), sha('1'), ''],
        [sha('joe@example.com'), '', '', sha('2'), 'ab-cd'],
      ],
    });
    expect(body.session).toEqual({
      session_id: expect.any(Number),
      batch_seq: 1,
      last_batch_flag: true,
      estimated_num_total: 2,
    });
    expect(Number.isSafeInteger(body.session.session_id)).toBe(true);
    expect(JSON.stringify(request!.body)).not.toMatch(/example\.com|jane|650/i);
  });

  it('derives the same session id for a replayed batch and another one for another run', async () => {
    await write([rec('1')]);
    await write([rec('1')]);
    await write([rec('1')], { runId: 'run-2' });
    const ids = uploads().map((r) => (r.body as { session: { session_id: number } }).session.session_id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(emulator.members(AUDIENCE)).toHaveLength(1);
  });

  it('rejects alone, before sending, records whose values cannot be normalised, naming the field not the value', async () => {
    const outcomes = await write([
      rec('ok'),
      rec('phone', { PHONE: '12' }),
      rec('none', { FN: 'Ann' }),
      rec('unknown', { EMAIL: 'a@b.io', shoe_size: 42 }),
      rec('nested', { EMAIL: { home: 'x@y.io' } }),
      rec('extern', { EMAIL: 'a@b.io', EXTERN_ID: 'someone-else' }),
    ]);
    expect(outcomes).toEqual([
      { key: 'ok', status: 'accepted' },
      { key: 'phone', status: 'rejected', reason: 'field "PHONE" is not a valid phone number' },
      {
        key: 'none',
        status: 'rejected',
        reason: 'needs a value in at least one of EMAIL, PHONE, MADID, EXTERN_ID',
      },
      {
        key: 'unknown',
        status: 'rejected',
        reason: expect.stringContaining('"shoe_size" is not a Meta match key'),
      },
      {
        key: 'nested',
        status: 'rejected',
        reason: 'field "EMAIL" must be a single value, not an object or list',
      },
      {
        key: 'extern',
        status: 'rejected',
        reason: expect.stringContaining('EXTERN_ID" must be the model\'s primary key'),
      },
    ]);
    expect(JSON.stringify(outcomes)).not.toContain('x@y.io');
    expect((uploads()[0]!.body as { payload: { data: unknown[] } }).payload.data).toHaveLength(1);
  });

  it('coerces a numeric birth year and refuses one that is not a year', async () => {
    const outcomes = await write([
      rec('y', { EMAIL: 'y@e.io', DOBY: 1984 }),
      rec('n', { EMAIL: 'n@e.io', DOBY: 'eighty' }),
    ]);
    expect(outcomes[0]).toEqual({ key: 'y', status: 'accepted' });
    expect(outcomes[1]).toEqual({
      key: 'n',
      status: 'rejected',
      reason: 'field "DOBY" is not a integer value',
    });
    expect(emulator.members(AUDIENCE)[0]).toMatchObject({ DOBY: sha('1984') });
  });

  it('removes removed rows by EXTERN_ID with DELETE in mirror mode', async () => {
    await write([rec('1'), rec('2')]);
    const outcomes = await write([rec('3'), rec('1', {}, 'removed')]);
    expect(outcomes).toEqual([
      { key: '3', status: 'accepted' },
      { key: '1', status: 'accepted' },
    ]);
    const removal = uploads().at(-1)!;
    expect(removal).toMatchObject({
      method: 'DELETE',
      body: { payload: { schema: ['EXTERN_ID'], data: [[sha('1')]] } },
    });
    expect(
      emulator
        .members(AUDIENCE)
        .map((m) => m.EXTERN_ID)
        .sort(),
    ).toEqual([sha('2'), sha('3')].sort());
  });

  it('in insert mode accepts removed rows without removing anyone', async () => {
    await write([rec('1')], { mode: 'insert' });
    expect(await write([rec('1', {}, 'removed')], { mode: 'insert' })).toEqual([
      { key: '1', status: 'accepted' },
    ]);
    expect(uploads().map((r) => r.method)).toEqual(['POST']);
    expect(emulator.members(AUDIENCE)).toHaveLength(1);
  });

  it('isolates rows Meta counts invalid by splitting the batch', async () => {
    emulator.refuseExternIds([sha('bad')]);
    const outcomes = await writeIsolating(meta, config, [rec('a'), rec('bad'), rec('b')], mirror);
    expect(outcomes.map((o) => [o.key, o.status])).toEqual([
      ['a', 'accepted'],
      ['bad', 'rejected'],
      ['b', 'accepted'],
    ]);
    expect(outcomes[1]).toMatchObject({
      reason: expect.stringContaining('Meta counted 1 of 1 rows invalid'),
    });
  });

  it('throws BatchRejectedError with Meta message when the request is refused for its content', async () => {
    const tiny = await startMetaCustomAudiencesEmulator({
      accessToken: token,
      adAccountId: 'act_42',
      audiences: [{ id: AUDIENCE, name: 'C' }],
      maxUsersPerRequest: 1,
    });
    try {
      const err = await failure(() => write([rec('1'), rec('2')], {}, { baseUrl: tiny.url }));
      expect(err).toBeInstanceOf(BatchRejectedError);
      expect(err.message).toMatch(/Meta refused the upload: \(#100\) Too many users.*code 100/);
    } finally {
      await tiny.close();
    }
  });

  it('turns code 190 into DestinationConnectionFailed without the token', async () => {
    const err = await failure(() => write([rec('1')], {}, { accessToken: 'EAAG-wrong-token-000000000' }));
    expect(err.code).toBe(ErrorCode.DestinationConnectionFailed);
    expect(err.message).toContain('code 190');
    expect(err.message).not.toContain('EAAG');
  });

  it('turns an unknown or lookalike audience into InvalidConfig, and a missing object too', async () => {
    expect((await failure(() => write([rec('1')], { object: '9999' }))).code).toBe(ErrorCode.InvalidConfig);
    expect((await failure(() => write([rec('1')], { object: '7002' }))).code).toBe(ErrorCode.InvalidConfig);
    expect((await failure(() => write([rec('1')], { object: undefined }))).code).toBe(
      ErrorCode.InvalidConfig,
    );
  });

  it('pauses the gate for the wait Meta names in X-Business-Use-Case-Usage on code 80003', async () => {
    const pauses: number[] = [];
    const gate: RequestGate = {
      acquire: async () => () => undefined,
      pause: async (ms) => void pauses.push(ms),
    };
    emulator.throttleWithCode(1, 80003, { regainAccessMinutes: 2 });
    const err = await failure(() => write([rec('1')], { gate }));
    expect(err.code).toBe(ErrorCode.RateLimited);
    expect(err.retryAfterMs).toBe(120_000);
    expect(pauses).toEqual([120_000]);
  });

  it('waits minutes on a throttle code without usage header (HTTP 403, code 17)', async () => {
    emulator.throttleWithCode(1, 17, { status: 403 });
    const err = await failure(() => write([rec('1')]));
    expect([err.code, err.retryAfterMs]).toEqual([ErrorCode.RateLimited, 300_000]);
  });

  it('reports 5xx as transient and delivers on the retry', async () => {
    emulator.failNext(1, 500);
    expect((await failure(() => write([rec('1')]))).transient).toBe(true);
    expect(await write([rec('1')])).toEqual([{ key: '1', status: 'accepted' }]);
  });
});

describe('meta custom audiences: check and discovery', () => {
  it('checks the ad account and explains a refused token', async () => {
    expect(await meta.check(config)).toEqual({
      ok: true,
      message: expect.stringContaining('act_42 (Acme Ads) is reachable'),
    });
    expect(emulator.received[0]).toMatchObject({
      method: 'GET',
      path: '/v25.0/act_42',
      query: { fields: 'id,name' },
    });
    const refused = await meta.check({ ...config, accessToken: 'EAAG-wrong-token-000000000' });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('code 190') });
    const unknown = await meta.check({ ...config, adAccountId: 'act_43' });
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('subcode 33') });
  });

  it('offers the CUSTOM audiences only, by id, in insert and mirror modes', async () => {
    expect(await meta.objects(config)).toEqual([{ name: AUDIENCE, modes: ['insert', 'mirror'] }]);
  });

  it('lists the match keys for a customer-list audience and refuses a lookalike one', async () => {
    const fields = await meta.fields(config, AUDIENCE);
    expect(fields.map((f) => f.name)).toEqual([
      'EMAIL',
      'PHONE',
      'FN',
      'LN',
      'CT',
      'ST',
      'ZIP',
      'COUNTRY',
      'DOBY',
      'GEN',
      'EXTERN_ID',
      'MADID',
    ]);
    expect(fields.find((f) => f.name === 'DOBY')).toEqual({ name: 'DOBY', type: 'integer', required: false });
    await expect(meta.fields(config, '7002')).rejects.toMatchObject({ code: ErrorCode.InvalidConfig });
  });

  it('scopes the rate limit by ad account, not by token', () => {
    const scope = meta.rateLimitScope!(config);
    expect(scope).toBe(meta.rateLimitScope!({ ...config, accessToken: 'EAAG-another-token-0000000' }));
    expect(scope).not.toBe(meta.rateLimitScope!({ ...config, adAccountId: 'act_43' }));
    expect(scope).not.toContain(token);
    expect(meta.defaultBatchSize).toBe(10_000);
  });

  it('refuses a config with a bad ad account id, version or country, and applies defaults', () => {
    expect(meta.spec.safeParse({ accessToken: token, adAccountId: '42' }).success).toBe(false);
    expect(meta.spec.safeParse({ accessToken: token, adAccountId: 'act_42', apiVersion: '25' }).success).toBe(
      false,
    );
    expect(
      meta.spec.safeParse({ accessToken: token, adAccountId: 'act_42', defaultCountryCode: 'XX' }).success,
    ).toBe(false);
    expect(meta.spec.parse({ accessToken: token, adAccountId: 'act_42' })).toEqual({
      accessToken: token,
      adAccountId: 'act_42',
      apiVersion: 'v25.0',
      baseUrl: 'https://graph.facebook.com',
    });
    expect(meta.secretFields).toEqual(['accessToken']);
  });
});
