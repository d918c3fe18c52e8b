import type { DestinationRecord, WriteContext } from '@syncline/domain';
import { BatchRejectedError, ErrorCode } from '@syncline/errors';
import { brazeDestination } from '../braze-destination';
import type { BrazeDestinationConfig } from '../braze-destination.config';
import { type BrazeEmulator, startBrazeEmulator } from '../../../testing/emulators/braze/emulator';

const API_KEY = 'braze-spec-key-0123456789';

const added = (key: string, fields: Record<string, unknown>): DestinationRecord => ({
  key,
  op: 'added',
  fields,
  idempotencyKey: `${key}:added`,
});

describe('Braze destination', () => {
  let braze: BrazeEmulator;
  let config: BrazeDestinationConfig;
  const users: WriteContext = { mode: 'upsert', object: 'users', keyField: 'external_id' };
  const bodies = () => braze.received.map((r) => r.body);

  beforeEach(async () => {
    braze = await startBrazeEmulator({ apiKey: API_KEY });
    config = brazeDestination.spec.parse({ apiKey: API_KEY, restEndpoint: braze.url, appId: 'app-1' });
  });
  afterEach(() => braze.close());

  it('sends one /users/track request of coerced attributes identified by external_id', async () => {
    const outcomes = await brazeDestination.write(
      config,
      [
        added('1', {
          external_id: '1',
          first_name: 'Ada',
          dob: new Date('1990-05-12T00:00:00Z'),
          gender: 'f',
          plan: 'pro',
        }),
        added('2', { external_id: 2, email_subscribe: 'opted_in', address: { city: 'Lyon' } }),
      ],
      users,
    );
    expect(outcomes).toEqual([
      { key: '1', status: 'accepted' },
      { key: '2', status: 'accepted' },
    ]);
    expect(bodies()).toEqual([
      {
        attributes: [
          { external_id: '1', first_name: 'Ada', dob: '1990-05-12', gender: 'F', plan: 'pro' },
          { external_id: '2', email_subscribe: 'opted_in', address: { city: 'Lyon' } },
        ],
      },
    ]);
    expect(braze.received[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(braze.user('2')?.attributes).toEqual({
      external_id: '2',
      email_subscribe: 'opted_in',
      address: { city: 'Lyon' },
    });
  });

  it('sends only the attributes that changed since the last delivery, plus the identifier', async () => {
    const changed: DestinationRecord = {
      key: '1',
      op: 'changed',
      fields: { external_id: '1', first_name: 'Ada', plan: 'enterprise', dob: '1990-05-12' },
      deliveredFields: {
        external_id: '1',
        first_name: 'Ada',
        plan: 'pro',
        dob: new Date('1990-05-12T00:00:00Z'),
      },
      idempotencyKey: '1:changed',
    };
    const unchanged: DestinationRecord = {
      ...changed,
      key: '2',
      fields: { external_id: '2', plan: 'x' },
      deliveredFields: { external_id: '2', plan: 'x' },
    };
    const outcomes = await brazeDestination.write(config, [changed, unchanged], users);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(bodies()).toEqual([{ attributes: [{ external_id: '1', plan: 'enterprise' }] }]);
  });

  it('sends every attribute of a changed row when the last delivered fields are unknown', async () => {
    await brazeDestination.write(
      config,
      [
        {
          key: '1',
          op: 'changed',
          fields: { external_id: '1', first_name: 'Ada', plan: 'pro' },
          idempotencyKey: 'k',
        },
      ],
      users,
    );
    expect(bodies()).toEqual([{ attributes: [{ external_id: '1', first_name: 'Ada', plan: 'pro' }] }]);
  });

  it('identifies users by email when the sync keys by email', async () => {
    await brazeDestination.write(
      config,
      [added('ada@example.com', { email: 'ada@example.com', plan: 'pro' })],
      {
        ...users,
        keyField: 'email',
      },
    );
    expect(bodies()).toEqual([{ attributes: [{ email: 'ada@example.com', plan: 'pro' }] }]);
    expect(braze.users().map((u) => u.attributes)).toEqual([{ email: 'ada@example.com', plan: 'pro' }]);
  });

  it('never creates profiles in update mode', async () => {
    await brazeDestination.write(config, [added('ghost', { external_id: 'ghost', plan: 'pro' })], {
      ...users,
      mode: 'update',
    });
    expect(bodies()).toEqual([
      { attributes: [{ external_id: 'ghost', plan: 'pro', _update_existing_only: true }] },
    ]);
    expect(braze.users()).toEqual([]);
  });

  it('rejects a value that cannot be coerced before sending, and a value Braze refuses with its error type', async () => {
    const outcomes = await brazeDestination.write(
      config,
      [
        added('1', { external_id: '1', dob: 'someday' }),
        added('2', { external_id: '2', gender: 'robot' }),
        added('3', { external_id: '3', email: 'not-an-email' }),
        added('4', { external_id: '4', first_name: 'Grace' }),
      ],
      users,
    );
    expect(outcomes).toEqual([
      { key: '1', status: 'rejected', reason: expect.stringContaining('field "dob"') },
      { key: '2', status: 'rejected', reason: expect.stringContaining('field "gender"') },
      { key: '3', status: 'rejected', reason: "Braze: 'email' is not a valid email address" },
      { key: '4', status: 'accepted' },
    ]);
    expect(bodies()).toEqual([
      {
        attributes: [
          { external_id: '3', email: 'not-an-email' },
          { external_id: '4', first_name: 'Grace' },
        ],
      },
    ]);
    expect(braze.users().map((u) => u.attributes.external_id)).toEqual(['4']);
  });

  it('rejects the objects Braze names when it refuses the whole request, without a batch error', async () => {
    const outcomes = await brazeDestination.write(
      config,
      [added('3', { external_id: '3', email: 'nope' })],
      users,
    );
    expect(outcomes).toEqual([
      { key: '3', status: 'rejected', reason: "Braze: 'email' is not a valid email address" },
    ]);
    expect(braze.received.map((r) => r.status)).toEqual([400]);
  });

  it('throws BatchRejectedError when Braze refuses a request without naming objects', async () => {
    const records = Array.from({ length: 3 }, (_, i) => added(String(i), { external_id: String(i) }));
    braze.failNext(1, 400);
    await expect(brazeDestination.write(config, records, users)).rejects.toBeInstanceOf(BatchRejectedError);
  });

  it('ignores removed rows: /users/track cannot remove a profile', async () => {
    const outcomes = await brazeDestination.write(
      config,
      [{ key: '1', op: 'removed', fields: {}, idempotencyKey: 'r' }],
      users,
    );
    expect(outcomes).toEqual([{ key: '1', status: 'accepted' }]);
    expect(braze.received).toHaveLength(0);
  });

  it('sends one event per added row with its name, time, app_id and the other fields as properties', async () => {
    const events: WriteContext = { mode: 'insert', object: 'events', keyField: 'external_id' };
    const outcomes = await brazeDestination.write(
      config,
      [
        added('o1', {
          external_id: 'u1',
          name: 'order_placed',
          time: '2024-05-01 10:00:00',
          total: 42,
          properties: { currency: 'EUR' },
        }),
        added('o2', { external_id: 'u2', time: '2024-05-01T10:00:00Z' }),
        {
          key: 'o3',
          op: 'changed',
          fields: { external_id: 'u3', name: 'order_placed' },
          idempotencyKey: 'c',
        },
      ],
      events,
    );
    expect(outcomes).toEqual([
      { key: 'o1', status: 'accepted' },
      { key: 'o2', status: 'rejected', reason: "Braze: 'name' is required" },
      { key: 'o3', status: 'accepted' },
    ]);
    expect(braze.user('u1')?.events).toEqual([
      {
        name: 'order_placed',
        time: '2024-05-01T10:00:00.000Z',
        app_id: 'app-1',
        properties: { currency: 'EUR', total: 42 },
      },
    ]);
    expect((bodies()[0] as { events: unknown[] }).events).toHaveLength(2);
  });

  it('fails the write with DestinationConnectionFailed on a refused key, without showing it', async () => {
    const wrong = { ...config, apiKey: 'braze-wrong-key-000' };
    const err = await brazeDestination
      .write(wrong, [added('1', { external_id: '1' })], users)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCode.DestinationConnectionFailed });
    expect((err as Error).message).not.toContain('braze-wrong-key-000');
  });

  it('refuses a key field Braze cannot identify users by, and an unknown object', async () => {
    const records = [added('1', { customer_id: '1' })];
    await expect(
      brazeDestination.write(config, records, { ...users, keyField: 'customer_id' }),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidConfig,
    });
    await expect(
      brazeDestination.write(config, records, { ...users, object: 'purchases' }),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidConfig,
    });
    expect(braze.received).toHaveLength(0);
  });

  it('checks the key with an empty /users/track call', async () => {
    expect(await brazeDestination.check(config)).toEqual({
      ok: true,
      message: expect.stringContaining('accepted'),
    });
    const failed = await brazeDestination.check({ ...config, apiKey: 'nope-nope' });
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/HTTP 401/);
    expect(braze.users()).toEqual([]);
  });

  it('discovers users (upsert, update) and events (insert) with typed fields', async () => {
    expect(await brazeDestination.objects(config)).toEqual([
      { name: 'users', modes: ['upsert', 'update'] },
      { name: 'events', modes: ['insert'] },
    ]);
    const userFields = await brazeDestination.fields(config, 'users');
    expect(userFields).toEqual(
      expect.arrayContaining([
        { name: 'dob', type: 'date', required: false },
        { name: 'email_subscribe', type: 'enumeration', required: false },
      ]),
    );
    expect(await brazeDestination.fields(config, 'events')).toContainEqual({
      name: 'name',
      type: 'string',
      required: true,
    });
  });

  it('shares a rate limit between destinations with the same key, never exposing it', () => {
    const scope = brazeDestination.rateLimitScope!(config);
    expect(scope).toBe(brazeDestination.rateLimitScope!({ ...config, appId: 'other' }));
    expect(scope).not.toBe(brazeDestination.rateLimitScope!({ ...config, apiKey: 'other-key' }));
    expect(scope).not.toContain(API_KEY);
  });
});
