import { createHash } from 'node:crypto';
import { startMetaCustomAudiencesEmulator, type MetaEmulator } from '../emulator';

const token = 'EAAG-emulator-token-0123456789abcdef';
const AUDIENCE = '6001';
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
let emulator: MetaEmulator;

beforeEach(async () => {
  emulator = await startMetaCustomAudiencesEmulator({
    accessToken: token,
    adAccountId: 'act_77',
    audiences: [
      { id: AUDIENCE, name: 'Buyers' },
      { id: '6002', name: 'Lookalike', subtype: 'LOOKALIKE' },
    ],
    maxUsersPerRequest: 3,
  });
});
afterEach(async () => emulator.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  {
    accessToken = token,
    contentType = 'application/json',
  }: { accessToken?: string; contentType?: string } = {},
): Promise<{
  status: number;
  body: { error?: { code: number; error_subcode?: number; message: string } } & Record<string, unknown>;
}> {
  const url = new URL(`${emulator.url}${path}`);
  if (accessToken) url.searchParams.set('access_token', accessToken);
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

const upload = (data: string[][], schema: string[] = ['EMAIL', 'EXTERN_ID'], session?: object) => ({
  payload: { schema, data },
  ...(session ? { session } : {}),
});
const session = (id: number, seq: number, last = false) => ({
  session_id: id,
  batch_seq: seq,
  last_batch_flag: last,
});

describe('Meta custom audiences emulator', () => {
  it('adds hashed members and de-duplicates a member re-added with the same EXTERN_ID', async () => {
    const first = await call('POST', `/v25.0/${AUDIENCE}/users`, upload([[hash('a@x.io'), 'ext-a']]));
    expect(first).toEqual({
      status: 200,
      body: expect.objectContaining({ audience_id: AUDIENCE, num_received: 1, num_invalid_entries: 0 }),
    });
    await call('POST', `/v25.0/${AUDIENCE}/users`, upload([[hash('a2@x.io'), 'ext-a']]));
    expect(emulator.members(AUDIENCE)).toEqual([{ EMAIL: hash('a2@x.io'), EXTERN_ID: 'ext-a' }]);
  });

  it('removes members by EXTERN_ID alone', async () => {
    await call(
      'POST',
      `/v25.0/${AUDIENCE}/users`,
      upload([
        [hash('a@x.io'), 'a'],
        [hash('b@x.io'), 'b'],
      ]),
    );
    expect((await call('DELETE', `/v25.0/${AUDIENCE}/users`, upload([['a']], ['EXTERN_ID']))).status).toBe(
      200,
    );
    expect(emulator.members(AUDIENCE).map((m) => m.EXTERN_ID)).toEqual(['b']);
  });

  it('answers code 190 to a wrong token and 2500 to a missing one', async () => {
    const wrong = await call('GET', '/v25.0/act_77', undefined, { accessToken: 'EAAG-not-the-token' });
    expect(wrong.body.error).toMatchObject({ code: 190 });
    expect(JSON.stringify(wrong.body)).not.toContain('EAAG-not-the-token');
    expect((await call('GET', '/v25.0/act_77', undefined, { accessToken: '' })).body.error).toMatchObject({
      code: 2500,
    });
  });

  it('answers code 100 subcode 33 for an unknown ad account, audience or unversioned path', async () => {
    expect((await call('GET', '/v25.0/act_78')).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await call('POST', '/v25.0/999/users', upload([[hash('a'), 'a']]))).body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
    expect((await call('POST', '/v25.0/6002/users', upload([[hash('a'), 'a']]))).body.error).toMatchObject({
      error_subcode: 33,
    });
    expect((await call('GET', '/act_77')).status).toBe(400);
  });

  it('lists the account audiences with cursors and reads one audience', async () => {
    const list = await call('GET', '/v25.0/act_77/customaudiences?fields=id,name,subtype');
    expect(list.body.data).toEqual([
      { id: AUDIENCE, name: 'Buyers', subtype: 'CUSTOM' },
      { id: '6002', name: 'Lookalike', subtype: 'LOOKALIKE' },
    ]);
    expect((await call('GET', `/v25.0/${AUDIENCE}?fields=id,subtype`)).body).toMatchObject({
      subtype: 'CUSTOM',
    });
  });

  it('refuses a raw (unhashed) value for a hashed key without echoing it', async () => {
    const res = await call('POST', `/v25.0/${AUDIENCE}/users`, upload([['jane@example.com', 'a']]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 100,
      message: expect.stringContaining('not a SHA-256 hex digest'),
    });
    expect(JSON.stringify(res.body)).not.toContain('jane@example.com');
    expect(emulator.members(AUDIENCE)).toEqual([]);
  });

  it.each([
    ['an unknown schema key', upload([[hash('a')]], ['SSN']), 'unknown key'],
    ['a row of the wrong length', upload([[hash('a')]]), 'must have 2 values'],
    ['no payload', { session: session(1, 1) }, 'payload is required'],
    ['more rows than the limit', upload([['a'], ['b'], ['c'], ['d']], ['EXTERN_ID']), 'at most 3'],
    [
      'a malformed session',
      upload([['a']], ['EXTERN_ID'], { session_id: 'x', batch_seq: 1, last_batch_flag: true }),
      'session_id',
    ],
  ])('refuses %s with code 100', async (_, body, message) => {
    const res = await call('POST', `/v25.0/${AUDIENCE}/users`, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 100, message: expect.stringContaining(message) });
  });

  it('accepts form-encoded parameters and refuses other content types', async () => {
    const form = new URLSearchParams({
      payload: JSON.stringify({ schema: ['EXTERN_ID'], data: [['f']] }),
    }).toString();
    expect(
      (
        await call('POST', `/v25.0/${AUDIENCE}/users`, form, {
          contentType: 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', `/v25.0/${AUDIENCE}/users`, 'x', { contentType: 'text/plain' })).status).toBe(
      400,
    );
    expect(emulator.members(AUDIENCE)).toEqual([{ EXTERN_ID: 'f' }]);
  });

  it('tracks sessions: increasing batch_seq, replays answered without re-applying, closed by last_batch_flag', async () => {
    const path = `/v25.0/${AUDIENCE}/users`;
    expect((await call('POST', path, upload([['a']], ['EXTERN_ID'], session(9, 1)))).status).toBe(200);
    expect((await call('POST', path, upload([['b']], ['EXTERN_ID'], session(9, 2, true)))).status).toBe(200);
    const replay = await call('POST', path, upload([['zzz']], ['EXTERN_ID'], session(9, 2, true)));
    expect(replay).toMatchObject({ status: 200, body: { num_received: 1 } });
    expect(emulator.members(AUDIENCE).map((m) => m.EXTERN_ID)).toEqual(['a', 'b']);
    expect(
      (await call('POST', path, upload([['c']], ['EXTERN_ID'], session(9, 3)))).body.error?.message,
    ).toContain('already finished');
    await call('POST', path, upload([['d']], ['EXTERN_ID'], session(10, 5)));
    expect(
      (await call('POST', path, upload([['e']], ['EXTERN_ID'], session(10, 4)))).body.error?.message,
    ).toContain('must be greater');
    expect(emulator.sessions(AUDIENCE).get(9)).toMatchObject({ batches: [1, 2], closed: true });
  });

  it('counts refused entries as invalid with samples and stores the rest', async () => {
    emulator.refuseExternIds(['bad']);
    const res = await call('POST', `/v25.0/${AUDIENCE}/users`, upload([['good'], ['bad']], ['EXTERN_ID']));
    expect(res.body).toMatchObject({
      num_received: 2,
      num_invalid_entries: 1,
      invalid_entry_samples: { bad: expect.any(String) },
    });
    expect(emulator.members(AUDIENCE)).toEqual([{ EXTERN_ID: 'good' }]);
  });

  it('throttles with Meta codes and a usage header, with 429 + Retry-After, and fails with 5xx', async () => {
    emulator.throttleWithCode(1, 80003, { regainAccessMinutes: 2 });
    const res = await fetch(`${emulator.url}/v25.0/act_77?access_token=${token}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(80003);
    expect(JSON.parse(res.headers.get('x-business-use-case-usage')!)['77'][0]).toMatchObject({
      type: 'custom_audience',
      estimated_time_to_regain_access: 2,
    });
    emulator.throttleNext(1, 3);
    const limited = await fetch(`${emulator.url}/v25.0/act_77?access_token=${token}`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    emulator.failNext(1, 503);
    expect((await call('GET', '/v25.0/act_77')).status).toBe(503);
    expect((await call('GET', '/v25.0/act_77')).status).toBe(200);
  });
});
