import { type BrazeEmulator, startBrazeEmulator } from '../emulator';

const API_KEY = 'braze-emulator-key-0123';

describe('Braze emulator', () => {
  let braze: BrazeEmulator;
  beforeEach(async () => {
    braze = await startBrazeEmulator({ apiKey: API_KEY });
  });
  afterEach(() => braze.close());

  const track = (body: unknown, key = API_KEY) =>
    fetch(`${braze.url}/users/track`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: (await r.json()) as Record<string, unknown>,
    }));

  it('refuses a missing or unknown REST API key with 401', async () => {
    expect((await track({ attributes: [{ external_id: 'u1' }] }, 'wrong')).status).toBe(401);
    const anonymous = await fetch(`${braze.url}/users/track`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect(braze.users()).toEqual([]);
  });

  it('refuses more than 75 objects of one type, bad JSON and non-array inputs with 400', async () => {
    const many = Array.from({ length: 76 }, (_, i) => ({ external_id: `u${i}` }));
    expect(await track({ attributes: many })).toMatchObject({
      status: 400,
      body: { message: 'Max Input Length Exceeded' },
    });
    expect((await track('{not json')).status).toBe(400);
    expect((await track({ attributes: { external_id: 'u1' } })).status).toBe(400);
    expect(braze.users()).toEqual([]);
  });

  it('drops invalid objects with {type, input_array, index} and keeps the valid ones', async () => {
    const answer = await track({
      attributes: [
        { external_id: 'ok1', first_name: 'Ada' },
        { first_name: 'nobody' },
        { external_id: 'bad-email', email: 'not-an-email' },
        { external_id: 'bad-dob', dob: '12/05/1990' },
      ],
      events: [
        { external_id: 'ok1', name: 'signed_up', time: '2024-05-01T10:00:00Z' },
        { external_id: 'ok1', time: '2024-05-01T10:00:00Z' },
        { external_id: 'ok1', name: 'no_time' },
      ],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ message: 'success', attributes_processed: 1, events_processed: 1 });
    expect(answer.body.errors).toEqual([
      { type: expect.stringContaining("'external_id'"), input_array: 'attributes', index: 1 },
      { type: "'email' is not a valid email address", input_array: 'attributes', index: 2 },
      { type: "'dob' must be a date in YYYY-MM-DD format", input_array: 'attributes', index: 3 },
      { type: "'name' is required", input_array: 'events', index: 1 },
      { type: "'time' is required", input_array: 'events', index: 2 },
    ]);
    expect(braze.users().map((u) => u.attributes.external_id)).toEqual(['ok1']);
    expect(braze.user('ok1')?.events.map((e) => e.name)).toEqual(['signed_up']);
  });

  it('answers 400 with the per-object errors when no object is valid', async () => {
    const answer = await track({ attributes: [{ first_name: 'nobody' }] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ input_array: 'attributes', index: 0 })]);
  });

  it('resolves users by email, removes attributes set to null and honours _update_existing_only', async () => {
    await track({ attributes: [{ external_id: 'u1', email: 'ada@example.com', plan: 'pro' }] });
    await track({ attributes: [{ email: 'ada@example.com', plan: null, city: 'Paris' }] });
    await track({ attributes: [{ external_id: 'ghost', _update_existing_only: true, plan: 'x' }] });
    expect(braze.users()).toHaveLength(1);
    expect(braze.user('u1')?.attributes).toEqual({
      external_id: 'u1',
      email: 'ada@example.com',
      city: 'Paris',
    });
  });

  it('throttles with 429, Retry-After and X-RateLimit-Reset, and fails on demand', async () => {
    braze.throttleNext(1, 2);
    braze.failNext(1, 503);
    const throttled = await track({ attributes: [{ external_id: 'u1' }] });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(Number(throttled.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await track({ attributes: [{ external_id: 'u1' }] })).status).toBe(503);
    expect((await track({ attributes: [{ external_id: 'u1' }] })).status).toBe(201);
    expect(braze.received.map((r) => r.status)).toEqual([429, 503, 201]);
  });

  it('drops objects of refused external_ids the way Braze drops blocklisted users', async () => {
    braze.refuseExternalIds(['dummy']);
    const answer = await track({ attributes: [{ external_id: 'dummy' }, { external_id: 'real' }] });
    expect(answer.body.errors).toEqual([
      { type: 'provided external_id is blacklisted and disallowed', input_array: 'attributes', index: 0 },
    ]);
    expect(braze.users().map((u) => u.attributes.external_id)).toEqual(['real']);
  });
});
