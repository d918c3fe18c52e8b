import type { DestinationRecord, WriteContext } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import { writeIsolating } from '../../../kit/write-isolating';
import { recordingGate } from '../../../testing/recording-gate';
import {
  type SalesforceEmulator,
  startSalesforceEmulator,
} from '../../../testing/emulators/salesforce/emulator';
import { salesforceDestination as sf } from '../salesforce-destination';
import {
  type SalesforceDestinationConfig,
  salesforceDestinationSpec,
} from '../salesforce-destination.config';

const contact = (
  key: string,
  fields: Record<string, unknown> = {},
  op: DestinationRecord['op'] = 'added',
): DestinationRecord => ({
  key,
  op,
  fields: op === 'removed' ? {} : { LastName: `Last ${key}`, ...fields },
  idempotencyKey: `${key}:${op}`,
});
const upsert: WriteContext = { mode: 'upsert', object: 'Contact', keyField: 'External_Id__c' };

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('salesforce destination (sObject Collections)', () => {
  let emulator: SalesforceEmulator;
  let config: SalesforceDestinationConfig;
  const apiCalls = () => emulator.received.filter((r) => r.path.startsWith('/services/data/'));
  const writes = () => apiCalls().filter((r) => r.method !== 'GET');

  beforeEach(async () => {
    emulator = await startSalesforceEmulator();
    config = salesforceDestinationSpec.parse({
      instanceUrl: emulator.url,
      accessToken: emulator.accessToken,
      requestLimitBackoffMs: 50,
    });
  });
  afterEach(() => emulator.close());

  it('upserts by the external id field with one PATCH of allOrNone=false records typed by attributes', async () => {
    const outcomes = await sf.write(
      config,
      [contact('c1', { Email: 'c1@example.com' }), contact('c2')],
      upsert,
    );
    expect(outcomes).toEqual([
      { key: 'c1', status: 'accepted' },
      { key: 'c2', status: 'accepted' },
    ]);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /services/data/v66.0/composite/sobjects/Contact/External_Id__c',
    ]);
    expect(JSON.parse(writes()[0]!.body)).toEqual({
      allOrNone: false,
      records: [
        {
          attributes: { type: 'Contact' },
          LastName: 'Last c1',
          Email: 'c1@example.com',
          External_Id__c: 'c1',
        },
        { attributes: { type: 'Contact' }, LastName: 'Last c2', External_Id__c: 'c2' },
      ],
    });
    expect(emulator.records('Contact').map((r) => [r.External_Id__c, r.Email ?? null])).toEqual([
      ['c1', 'c1@example.com'],
      ['c2', null],
    ]);
    await sf.write(config, [contact('c1', { LastName: 'Changed' }, 'changed')], upsert);
    expect(emulator.records('Contact').find((r) => r.External_Id__c === 'c1')?.LastName).toBe('Changed');
    expect(emulator.records('Contact')).toHaveLength(2);
  });

  it('defers a record Salesforce cannot lock (UNABLE_TO_LOCK_ROW: retry later) and saves the rest', async () => {
    emulator.lockRecords('Contact', 'External_Id__c', ['busy']);
    expect(await sf.write(config, [contact('busy'), contact('free')], upsert)).toEqual([
      {
        key: 'busy',
        status: 'deferred',
        reason: 'UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record or 1 records',
      },
      { key: 'free', status: 'accepted' },
    ]);
    emulator.clearFaults();
    expect(await sf.write(config, [contact('busy')], upsert)).toEqual([{ key: 'busy', status: 'accepted' }]);
  });

  it('reports per-record errors in Salesforce words and delivers the rest', async () => {
    emulator.addValidationRule(
      'Contact',
      'External_Id__c',
      ['ruled'],
      'Contacts from this region need a phone',
    );
    const outcomes = await sf.write(
      config,
      [
        contact('long', { LastName: 'x'.repeat(81) }),
        contact('ok'),
        contact('ruled'),
        contact('nolast', { LastName: null }),
      ],
      upsert,
    );
    expect(outcomes).toEqual([
      {
        key: 'long',
        status: 'rejected',
        reason: expect.stringMatching(
          /^STRING_TOO_LONG: Last Name: data value too large: x+ \(max length=80\) \(LastName\)$/,
        ),
      },
      { key: 'ok', status: 'accepted' },
      {
        key: 'ruled',
        status: 'rejected',
        reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Contacts from this region need a phone',
      },
      {
        key: 'nolast',
        status: 'rejected',
        reason: 'REQUIRED_FIELD_MISSING: Required fields are missing: [LastName] (LastName)',
      },
    ]);
    expect(emulator.records('Contact').map((r) => r.External_Id__c)).toEqual(['ok']);
  });

  it('coerces values to the described field types and rejects a value that cannot be coerced, alone', async () => {
    const outcomes = await sf.write(
      config,
      [
        contact('v1', {
          Lifetime_Value__c: '12.50',
          HasOptedOutOfEmail: 'yes',
          Birthdate: '1990-02-03T10:00:00Z',
        }),
        contact('v2', { Lifetime_Value__c: 'lots' }),
      ],
      upsert,
    );
    expect(outcomes[0]).toEqual({ key: 'v1', status: 'accepted' });
    expect(outcomes[1]).toEqual({
      key: 'v2',
      status: 'rejected',
      reason: expect.stringContaining('field "Lifetime_Value__c"'),
    });
    expect(emulator.records('Contact')).toEqual([
      expect.objectContaining({
        External_Id__c: 'v1',
        Lifetime_Value__c: 12.5,
        HasOptedOutOfEmail: true,
        Birthdate: '1990-02-03',
      }),
    ]);
    expect(JSON.parse(writes()[0]!.body).records).toHaveLength(1);
  });

  it('links a lookup by the parent’s external id', async () => {
    const accountId = emulator.seed('Account', { Name: 'Acme', External_Id__c: 'acme' });
    await sf.write(config, [contact('l1', { Account: { External_Id__c: 'acme' } })], upsert);
    expect(emulator.records('Contact')[0]).toEqual(expect.objectContaining({ AccountId: accountId }));
  });

  it('throws BatchRejectedError when Salesforce refuses the whole request, and writeIsolating narrows it to the record', async () => {
    const bad = contact('bad', { Account: 'not-an-object' });
    const err = await failure(sf.write(config, [contact('g1'), bad], upsert));
    expect(err).toBeInstanceOf(BatchRejectedError);
    expect((err as BatchRejectedError).reason).toContain(
      "INVALID_FIELD: No such column 'Account' on sobject of type Contact",
    );
    const outcomes = await writeIsolating(sf, config, [contact('g1'), bad, contact('g2')], upsert);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected', 'accepted']);
  });

  it('fails the write with a mapping error for a field the object does not have, before sending anything', async () => {
    const err = await failure(sf.write(config, [contact('u1', { Favourite_Colour__c: 'red' })], upsert));
    expect(err).toEqual(
      expect.objectContaining({
        code: ErrorCode.InvalidMapping,
        message: expect.stringContaining('"Favourite_Colour__c"'),
      }),
    );
    expect(writes()).toEqual([]);
  });

  it('refuses to upsert by a field that is not an External ID, and an unknown object, with InvalidConfig', async () => {
    const byName = await failure(sf.write(config, [contact('n1')], { ...upsert, keyField: 'LastName' }));
    expect(byName).toEqual(
      expect.objectContaining({
        code: ErrorCode.InvalidConfig,
        message: expect.stringContaining('Contact.LastName is not an External ID field'),
      }),
    );
    const noObject = await failure(sf.write(config, [contact('n1')], { ...upsert, object: 'Invoice__c' }));
    expect(noObject).toEqual(
      expect.objectContaining({
        code: ErrorCode.InvalidConfig,
        message: expect.stringContaining('no sObject "Invoice__c"'),
      }),
    );
    expect(writes()).toEqual([]);
  });

  it('insert mode creates added rows with POST and leaves changed and removed rows alone', async () => {
    const outcomes = await sf.write(
      config,
      [contact('i1'), contact('i2', {}, 'changed'), contact('i3', {}, 'removed')],
      { mode: 'insert', object: 'Contact', keyField: 'External_Id__c' },
    );
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /services/data/v66.0/composite/sobjects',
    ]);
    expect(emulator.records('Contact').map((r) => r.External_Id__c)).toEqual(['i1']);
  });

  it('update mode finds Ids by SOQL, updates by Id, and rejects keys Salesforce does not have', async () => {
    emulator.seed('Contact', { LastName: 'Old', External_Id__c: "o'1" });
    const outcomes = await sf.write(
      config,
      [contact("o'1", { LastName: 'New' }, 'changed'), contact('missing', {}, 'changed')],
      {
        ...upsert,
        mode: 'update',
      },
    );
    expect(outcomes).toEqual([
      { key: "o'1", status: 'accepted' },
      {
        key: 'missing',
        status: 'rejected',
        reason: expect.stringContaining('NOT_FOUND: no Contact with External_Id__c = missing'),
      },
    ]);
    const query = apiCalls().find((r) => r.path.endsWith('/query'));
    expect(query?.query.get('q')).toBe(
      "SELECT Id, External_Id__c FROM Contact WHERE External_Id__c IN ('o\\'1','missing')",
    );
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /services/data/v66.0/composite/sobjects',
    ]);
    expect(emulator.records('Contact').map((r) => [r.External_Id__c, r.LastName])).toEqual([["o'1", 'New']]);
  });

  it('mirror mode deletes removed rows by Id and splits large or mixed batches into separate requests of ≤ 200', async () => {
    const first = Array.from({ length: 250 }, (_, i) => contact(`m${i}`));
    const mirror = { ...upsert, mode: 'mirror' as const };
    expect((await sf.write(config, first, mirror)).filter((o) => o.status === 'accepted')).toHaveLength(250);
    const upserts = writes().filter((r) => r.method === 'PATCH');
    expect(upserts.map((r) => JSON.parse(r.body).records.length)).toEqual([200, 50]);
    const second = [
      contact('m0', {}, 'removed'),
      contact('m1', { LastName: 'Kept' }, 'changed'),
      contact('gone', {}, 'removed'),
    ];
    expect(await sf.write(config, second, mirror)).toEqual(
      second.map((r) => ({ key: r.key, status: 'accepted' })),
    );
    const deletes = writes().filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.query.get('allOrNone')).toBe('false');
    expect(deletes[0]!.query.get('ids')!.split(',')).toHaveLength(1);
    const stored = new Map(emulator.records('Contact').map((r) => [r.External_Id__c, r.LastName]));
    expect(stored.has('m0')).toBe(false);
    expect(stored.get('m1')).toBe('Kept');
    expect(stored.size).toBe(249);
  });

  it('upsert mode accepts removals without deleting anything', async () => {
    await sf.write(config, [contact('r1')], upsert);
    expect(await sf.write(config, [contact('r1', {}, 'removed')], upsert)).toEqual([
      { key: 'r1', status: 'accepted' },
    ]);
    expect(emulator.records('Contact')).toHaveLength(1);
  });

  it('treats 403 REQUEST_LIMIT_EXCEEDED as throttling: pauses the destination, then delivers', async () => {
    emulator.requestLimitNext(1);
    const gate = recordingGate();
    expect(await sf.write(config, [contact('t1')], { ...upsert, gate })).toEqual([
      { key: 't1', status: 'accepted' },
    ]);
    expect(gate.pauses).toEqual([50]);
  });

  it('reports 5xx as a transient error', async () => {
    emulator.failNext(1, 500);
    const err = await failure(sf.write(config, [contact('f1')], upsert));
    expect(err).toBeInstanceOf(SynclineError);
    expect((err as SynclineError).transient).toBe(true);
  });

  it('turns a rejected access token into DestinationConnectionFailed naming the host, not the token', async () => {
    const wrong = { ...config, accessToken: 'bad-token-123' };
    const err = await failure(sf.write(wrong, [contact('a1')], upsert));
    expect(err).toEqual(expect.objectContaining({ code: ErrorCode.DestinationConnectionFailed }));
    expect((err as Error).message).toContain('INVALID_SESSION_ID');
    expect((err as Error).message).not.toContain('bad-token-123');
  });

  describe('refresh-token flow', () => {
    const refreshConfig = () =>
      salesforceDestinationSpec.parse({
        instanceUrl: emulator.url,
        loginUrl: emulator.url,
        ...emulator.oauth,
      });

    it('gets an access token, and a new one once when the session expires', async () => {
      const cfg = refreshConfig();
      expect(await sf.write(cfg, [contact('r1')], upsert)).toEqual([{ key: 'r1', status: 'accepted' }]);
      emulator.expireSessions();
      expect(await sf.write(cfg, [contact('r2')], upsert)).toEqual([{ key: 'r2', status: 'accepted' }]);
      const tokenCalls = emulator.received.filter((r) => r.path === '/services/oauth2/token');
      expect(tokenCalls).toHaveLength(2);
      expect(new URLSearchParams(tokenCalls[0]!.body).get('grant_type')).toBe('refresh_token');
      expect(emulator.records('Contact')).toHaveLength(2);
    });

    it('fails with DestinationConnectionFailed, without secrets, when the refresh token is refused', async () => {
      const cfg = salesforceDestinationSpec.parse({
        instanceUrl: emulator.url,
        loginUrl: emulator.url,
        ...emulator.oauth,
        refreshToken: 'revoked-refresh-token',
      });
      const err = await failure(sf.write(cfg, [contact('r1')], upsert));
      expect(err).toEqual(
        expect.objectContaining({
          code: ErrorCode.DestinationConnectionFailed,
          message: expect.stringContaining('invalid_grant'),
        }),
      );
      expect((err as Error).message).not.toContain('revoked-refresh-token');
      expect((err as Error).message).not.toContain(emulator.oauth.clientSecret);
      const check = await sf.check(cfg);
      expect(check.ok).toBe(false);
    });
  });

  it('discovers objects with their modes and fields with types, required flags', async () => {
    const objects = await sf.objects(config);
    expect(objects).toEqual(
      expect.arrayContaining([
        { name: 'Contact', modes: ['insert', 'update', 'upsert', 'mirror'] },
        expect.objectContaining({ name: 'Subscription__c' }),
      ]),
    );
    const fields = await sf.fields(config, 'Contact');
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get('LastName')).toEqual({ name: 'LastName', type: 'string', required: true });
    expect(byName.get('HasOptedOutOfEmail')).toEqual({
      name: 'HasOptedOutOfEmail',
      type: 'boolean',
      required: false,
    });
    expect(byName.get('Lifetime_Value__c')?.type).toBe('number');
    expect(byName.get('Plan__c')?.type).toBe('enumeration');
    expect(byName.get('Birthdate')?.type).toBe('date');
    expect(byName.has('Id')).toBe(false);
    expect(byName.has('Name')).toBe(false);
    const sub = new Map((await sf.fields(config, 'Subscription__c')).map((f) => [f.name, f]));
    expect(sub.get('Seats__c')?.type).toBe('number');
    await expect(sf.fields(config, 'Nope__c')).rejects.toEqual(
      expect.objectContaining({ code: ErrorCode.InvalidConfig }),
    );
  });

  it('check reads the org limits and reports failures as a message', async () => {
    expect(await sf.check(config)).toEqual({
      ok: true,
      message: expect.stringMatching(
        /Connected to Salesforce at 127\.0\.0\.1:\d+ \(\d+ of 100000 daily API requests left\)/,
      ),
    });
    const bad = await sf.check({ ...config, accessToken: 'nope-token' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('INVALID_SESSION_ID');
  });

  it('scopes the rate limit by org, never by the token, and sizes batches by mode', () => {
    const scope = sf.rateLimitScope!(config);
    expect(scope).toMatch(/^[0-9a-f]{16}$/);
    expect(sf.rateLimitScope!({ ...config, accessToken: 'other' })).toBe(scope);
    expect(sf.rateLimitScope!({ ...config, instanceUrl: 'https://other.my.salesforce.com' })).not.toBe(scope);
    expect(sf.batchSize!(config)).toBe(200);
    expect(sf.batchSize!({ ...config, mode: 'bulk' })).toBe(10_000);
    expect(sf.batchSize!({ ...config, mode: 'auto', bulkBatchSize: 5_000 })).toBe(5_000);
  });

  it('refuses configs without credentials or with half a refresh flow', () => {
    expect(salesforceDestinationSpec.safeParse({ instanceUrl: emulator.url }).success).toBe(false);
    expect(
      salesforceDestinationSpec.safeParse({ instanceUrl: emulator.url, clientId: 'x', refreshToken: 'y' })
        .success,
    ).toBe(false);
    expect(
      salesforceDestinationSpec.safeParse({ instanceUrl: emulator.url, accessToken: 't', apiVersion: '62' })
        .success,
    ).toBe(false);
  });
});
