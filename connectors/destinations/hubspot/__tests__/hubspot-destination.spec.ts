import type { DestinationRecord, WriteContext } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, type SynclineError } from '@syncline/errors';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../testing/emulators/hubspot/emulator';
import { hubspotDestination as hubspot } from '../hubspot-destination';
import type { HubSpotDestinationConfig } from '../hubspot-destination.config';

const token = 'pat-na1-spec-0123456789';
let hs: HubSpotEmulator;
let config: HubSpotDestinationConfig;

beforeEach(async () => {
  hs = await startHubSpotEmulator({ accessToken: token });
  config = { accessToken: token, baseUrl: hs.baseUrl, timeoutMs: 5000 };
});
afterEach(async () => hs.close());

const rec = (
  key: string,
  fields: Record<string, unknown> = {},
  op: DestinationRecord['op'] = 'added',
): DestinationRecord => ({
  key,
  op,
  fields,
  idempotencyKey: `${key}:${op}`,
});
const contacts = (mode: WriteContext['mode'] = 'upsert'): WriteContext => ({
  mode,
  object: 'contacts',
  keyField: 'email',
});
const sentBodies = (suffix: string) =>
  hs.received.filter((r) => r.path.endsWith(suffix)).map((r) => r.body as any);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as SynclineError,
  );

describe('hubspot destination: writes', () => {
  it('upserts contacts by email with values coerced to their property types, as strings', async () => {
    const outcomes = await hubspot.write(
      config,
      [
        rec('ada@example.com', {
          email: 'ada@example.com',
          num_employees: 42,
          hs_email_optout: 'yes',
          date_of_birth: new Date('1990-05-17T00:00:00Z'),
        }),
      ],
      contacts(),
    );
    expect(outcomes).toEqual([{ key: 'ada@example.com', status: 'accepted' }]);
    expect(sentBodies('/batch/upsert')).toEqual([
      {
        inputs: [
          {
            id: 'ada@example.com',
            idProperty: 'email',
            objectWriteTraceId: '0',
            properties: {
              email: 'ada@example.com',
              num_employees: '42',
              hs_email_optout: 'true',
              date_of_birth: '1990-05-17',
            },
          },
        ],
      },
    ]);
    expect(hs.records('contacts')[0]!.properties).toMatchObject({
      num_employees: '42',
      date_of_birth: '1990-05-17',
    });
  });

  it('rejects a record whose value cannot be coerced, alone and before sending it', async () => {
    const outcomes = await hubspot.write(
      config,
      [
        rec('a@example.com', { email: 'a@example.com' }),
        rec('b@example.com', { email: 'b@example.com', num_employees: 'lots' }),
      ],
      contacts(),
    );
    expect(outcomes).toEqual([
      { key: 'a@example.com', status: 'accepted' },
      { key: 'b@example.com', status: 'rejected', reason: 'field "num_employees": "lots" is not a number' },
    ]);
    expect(sentBodies('/batch/upsert')[0].inputs).toHaveLength(1);
  });

  it("rejects exactly the inputs HubSpot's 207 names, with HubSpot's message", async () => {
    const outcomes = await hubspot.write(
      config,
      [rec('ok@example.com', { email: 'ok@example.com' }), rec('x', { email: 'x', shoe_size: 44 })],
      contacts(),
    );
    expect(outcomes[0]).toEqual({ key: 'ok@example.com', status: 'accepted' });
    expect(outcomes[1]).toEqual({
      key: 'x',
      status: 'rejected',
      reason: expect.stringMatching(
        /^VALIDATION_ERROR: Property values were not valid.*Email address x is invalid/,
      ),
    });
    expect(outcomes[1]).toMatchObject({
      reason: expect.stringContaining('Property "shoe_size" does not exist'),
    });
  });

  it('throws BatchRejectedError when HubSpot refuses the whole batch with a 400', async () => {
    const err = await failure(
      hubspot.write(
        config,
        [rec('1', { email: 'same@example.com' }), rec('2', { email: 'same@example.com' })],
        contacts(),
      ),
    );
    expect(err).toBeInstanceOf(BatchRejectedError);
    expect(err?.message).toContain('HTTP 400');
    expect(err?.message).toContain('Duplicate IDs');
  });

  it('refuses a key property that is not unique, naming the unique ones (companies: domain is not)', async () => {
    hs.addProperty('companies', { name: 'company_key', type: 'string', hasUniqueValue: true });
    const context: WriteContext = { mode: 'upsert', object: 'companies', keyField: 'domain' };
    const err = await failure(
      hubspot.write(config, [rec('acme.com', { domain: 'acme.com', name: 'Acme' })], context),
    );
    expect(err).toMatchObject({ code: ErrorCode.InvalidConfig });
    expect(err?.message).toContain('"domain", which is not one. Map it to one of: company_key');
    expect(hs.received.filter((r) => r.path.includes('/batch/'))).toEqual([]);

    const ok = await hubspot.write(
      config,
      [rec('c1', { company_key: 'c1', domain: 'acme.com', annualrevenue: '1e6' })],
      {
        ...context,
        keyField: 'company_key',
      },
    );
    expect(ok).toEqual([{ key: 'c1', status: 'accepted' }]);
    expect(hs.records('companies')[0]!.properties).toMatchObject({
      company_key: 'c1',
      annualrevenue: '1000000',
    });
  });

  it('inserts with batch/create and rejects a record HubSpot already holds with its conflict message', async () => {
    const existing = hs.seed('contacts', { email: 'taken@example.com' });
    const outcomes = await hubspot.write(
      config,
      [
        rec('taken@example.com', { email: 'taken@example.com' }),
        rec('new@example.com', { email: 'new@example.com' }),
      ],
      { mode: 'insert', object: 'contacts' },
    );
    expect(outcomes).toEqual([
      {
        key: 'taken@example.com',
        status: 'rejected',
        reason: `CONFLICT: Contact already exists. Existing ID: ${existing}`,
      },
      { key: 'new@example.com', status: 'accepted' },
    ]);
    expect(sentBodies('/batch/create')[0].inputs[0]).toEqual({
      properties: { email: 'taken@example.com' },
      associations: [],
      objectWriteTraceId: '0',
    });
  });

  it('updates by unique property and rejects records HubSpot does not have', async () => {
    hs.seed('contacts', { email: 'a@example.com', firstname: 'A' });
    const outcomes = await hubspot.write(
      config,
      [
        rec('a@example.com', { email: 'a@example.com', firstname: 'Alice' }),
        rec('ghost@example.com', { email: 'ghost@example.com' }, 'changed'),
      ],
      contacts('update'),
    );
    expect(outcomes[0]).toEqual({ key: 'a@example.com', status: 'accepted' });
    expect(outcomes[1]).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('OBJECT_NOT_FOUND: Could not get some CONTACT objects'),
    });
    expect(hs.records('contacts')).toHaveLength(1);
    expect(hs.records('contacts')[0]!.properties.firstname).toBe('Alice');
  });

  it('archives removed rows in mirror mode (looking their ids up by email) and leaves them otherwise', async () => {
    hs.seed('contacts', { email: 'gone@example.com' });
    hs.seed('contacts', { email: 'stays@example.com' });
    const removed = [rec('gone@example.com', {}, 'removed')];
    expect(await hubspot.write(config, removed, contacts('upsert'))).toEqual([
      { key: 'gone@example.com', status: 'accepted' },
    ]);
    expect(hs.records('contacts')).toHaveLength(2);
    expect(await hubspot.write(config, removed, contacts('mirror'))).toEqual([
      { key: 'gone@example.com', status: 'accepted' },
    ]);
    expect(hs.records('contacts').map((r) => r.properties.email)).toEqual(['stays@example.com']);
    expect(sentBodies('/batch/read')[0]).toEqual({
      idProperty: 'email',
      inputs: [{ id: 'gone@example.com' }],
      properties: ['email'],
    });
  });

  it('fails with an actionable, token-free error on 401 and on an unknown object type', async () => {
    const wrong = { ...config, accessToken: 'pat-na1-revoked-token' };
    const auth = await failure(
      hubspot.write(wrong, [rec('a@example.com', { email: 'a@example.com' })], contacts()),
    );
    expect(auth).toMatchObject({ code: ErrorCode.DestinationConnectionFailed });
    expect(auth?.message).toContain('HTTP 401');
    expect(auth?.message).not.toContain('revoked-token');
    const unknown = await failure(
      hubspot.write(config, [rec('1', { name: 'x' })], {
        mode: 'upsert',
        object: 'spaceships',
        keyField: 'name',
      }),
    );
    expect(unknown).toMatchObject({
      code: ErrorCode.InvalidConfig,
      message: expect.stringContaining('no object type "spaceships"'),
    });
    const none = await failure(hubspot.write(config, [rec('1')], { mode: 'upsert' }));
    expect(none).toMatchObject({ code: ErrorCode.InvalidConfig });
  });

  it("turns a DAILY 429 with a long Retry-After into a transient RateLimited error for Temporal's retry", async () => {
    hs.throttleNext(1, 3600, 'DAILY');
    const err = await failure(
      hubspot.write(config, [rec('a@example.com', { email: 'a@example.com' })], contacts()),
    );
    expect(err).toMatchObject({ code: ErrorCode.RateLimited, retryAfterMs: 3_600_000 });
    expect(err?.transient).toBe(true);
  });

  it('shares a rate-limit scope per token without revealing it', () => {
    const scope = hubspot.rateLimitScope!(config);
    expect(scope).toBe(hubspot.rateLimitScope!({ ...config, baseUrl: 'https://api.hubapi.com' }));
    expect(scope).not.toBe(hubspot.rateLimitScope!({ ...config, accessToken: 'pat-other' }));
    expect(scope).not.toContain(token);
  });
});

describe('hubspot destination: list memberships', () => {
  let listId: string;
  let ada: string;
  let bob: string;

  beforeEach(() => {
    ada = hs.seed('contacts', { email: 'ada@example.com' });
    bob = hs.seed('contacts', { email: 'bob@example.com' });
    listId = hs.createList({ name: 'Churn risk' });
  });

  it('adds contacts by email, removes them in mirror mode, and rejects rows with no such contact', async () => {
    const context: WriteContext = { mode: 'mirror', object: `list:${listId}`, keyField: 'email' };
    const first = await hubspot.write(
      config,
      [
        rec('ada@example.com', { email: 'Ada@Example.com' }),
        rec('bob@example.com', { email: 'bob@example.com' }),
        rec('nobody@example.com', { email: 'nobody@example.com' }),
      ],
      context,
    );
    expect(first.map((o) => o.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(first[2]).toMatchObject({
      reason: expect.stringContaining('no record with email=nobody@example.com'),
    });
    expect(hs.listMembers(listId).sort()).toEqual([ada, bob].sort());
    expect(sentBodies('/memberships/add-and-remove')[0]).toEqual({
      recordIdsToAdd: [ada, bob],
      recordIdsToRemove: [],
    });

    expect(
      await hubspot.write(config, [rec('bob@example.com', {}, 'removed')], { ...context, mode: 'upsert' }),
    ).toEqual([{ key: 'bob@example.com', status: 'accepted' }]);
    expect(hs.listMembers(listId)).toContain(bob);
    await hubspot.write(config, [rec('bob@example.com', {}, 'removed')], context);
    expect(hs.listMembers(listId)).toEqual([ada]);
  });

  it('refuses a DYNAMIC list and a list that does not exist with InvalidConfig', async () => {
    const dynamic = hs.createList({ name: 'Active', processingType: 'DYNAMIC' });
    const write = (object: string) =>
      failure(
        hubspot.write(config, [rec('ada@example.com', { email: 'ada@example.com' })], {
          mode: 'upsert',
          object,
          keyField: 'email',
        }),
      );
    expect(await write(`list:${dynamic}`)).toMatchObject({
      code: ErrorCode.InvalidConfig,
      message: expect.stringContaining('DYNAMIC'),
    });
    expect(await write('list:777')).toMatchObject({
      code: ErrorCode.InvalidConfig,
      message: expect.stringContaining('no list 777'),
    });
    expect(await write('list:abc')).toMatchObject({ code: ErrorCode.InvalidConfig });
  });
});

describe('hubspot destination: discovery and check', () => {
  beforeEach(() => {
    hs.addCustomObject({
      name: 'cars',
      objectTypeId: '2-777',
      fullyQualifiedName: 'p123_cars',
      requiredProperties: ['vin'],
      properties: [
        { name: 'vin', type: 'string', hasUniqueValue: true },
        { name: 'year', type: 'number' },
      ],
    });
  });

  it('lists standard objects, custom objects and writable lists with their modes', async () => {
    const manual = hs.createList({ name: 'VIPs' });
    const snapshot = hs.createList({ name: 'Q3 import', processingType: 'SNAPSHOT' });
    hs.createList({ name: 'Active', processingType: 'DYNAMIC' });
    const objects = await hubspot.objects(config);
    const all = ['insert', 'update', 'upsert', 'mirror'];
    expect(objects).toEqual([
      { name: 'contacts', modes: all },
      { name: 'companies', modes: all },
      { name: 'deals', modes: all },
      { name: 'p123_cars', modes: all },
      { name: `list:${manual}`, modes: ['upsert', 'mirror'] },
      { name: `list:${snapshot}`, modes: ['upsert', 'mirror'] },
    ]);
  });

  it('maps property types, marks required and unique properties, and leaves out read-only ones', async () => {
    const deals = await hubspot.fields(config, 'deals');
    expect(deals).toContainEqual({ name: 'dealname', type: 'string', required: true, unique: false });
    expect(deals).toContainEqual({ name: 'dealstage', type: 'enumeration', required: true, unique: false });
    expect(deals).toContainEqual({ name: 'amount', type: 'number', required: false, unique: false });
    expect(deals).toContainEqual({ name: 'closedate', type: 'datetime', required: false, unique: false });
    expect(deals.map((f) => f.name)).not.toContain('hs_object_id');
    const people = await hubspot.fields(config, 'contacts');
    expect(people).toContainEqual({ name: 'email', type: 'string', required: false, unique: true });
    expect(people).toContainEqual({
      name: 'hs_email_optout',
      type: 'boolean',
      required: false,
      unique: false,
    });
    expect(people).toContainEqual({ name: 'date_of_birth', type: 'date', required: false, unique: false });
    expect(await hubspot.fields(config, 'p123_cars')).toEqual([
      { name: 'vin', type: 'string', required: true, unique: true },
      { name: 'year', type: 'number', required: false, unique: false },
    ]);
    const listId = hs.createList({ name: 'VIPs' });
    expect(await hubspot.fields(config, `list:${listId}`)).toEqual([
      { name: 'email', type: 'string', required: false, unique: true },
    ]);
  });

  it('checks the token with one real call and reports a refusal without throwing', async () => {
    expect(await hubspot.check(config)).toEqual({
      ok: true,
      message: expect.stringContaining('accepted the access token'),
    });
    const bad = await hubspot.check({ ...config, accessToken: 'pat-wrong' });
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('HTTP 401') });
    hs.failNext(1, 503);
    expect(await hubspot.check(config)).toMatchObject({ ok: false, message: expect.stringContaining('503') });
  });
});
