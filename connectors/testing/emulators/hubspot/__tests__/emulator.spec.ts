import { startHubSpotEmulator, type HubSpotEmulator } from '../emulator';

const token = 'pat-na1-emulator-0123';
let hs: HubSpotEmulator;

beforeEach(async () => {
  hs = await startHubSpotEmulator({ accessToken: token });
});
afterEach(async () => hs.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  { auth = `Bearer ${token}`, contentType = 'application/json' } = {},
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { Authorization: auth };
  if (body !== undefined) headers['Content-Type'] = contentType;
  const res = await fetch(hs.baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const upsert = (inputs: unknown[], type = 'contacts') =>
  call('POST', `/crm/v3/objects/${type}/batch/upsert`, { inputs });
const contact = (email: string, properties: Record<string, unknown> = {}, trace?: string) => ({
  id: email,
  idProperty: 'email',
  properties: { email, ...properties },
  ...(trace ? { objectWriteTraceId: trace } : {}),
});

describe('HubSpot emulator', () => {
  it('answers 401 INVALID_AUTHENTICATION to a missing or wrong Bearer token and stores nothing', async () => {
    const batch = { inputs: [contact('a@example.com')] };
    const missing = await call('POST', '/crm/v3/objects/contacts/batch/upsert', batch, { auth: '' });
    const wrong = await call('POST', '/crm/v3/objects/contacts/batch/upsert', batch, { auth: 'Bearer nope' });
    expect(missing).toMatchObject({ status: 401, json: { category: 'INVALID_AUTHENTICATION' } });
    expect(wrong.status).toBe(401);
    expect(hs.records('contacts')).toEqual([]);
  });

  it('upserts by email, creating then updating one record', async () => {
    expect((await upsert([contact('Ada@Example.com', { firstname: 'Ada' })])).status).toBe(200);
    expect((await upsert([contact('ada@example.com', { firstname: 'Ada L.' })])).status).toBe(200);
    const stored = hs.records('contacts');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.properties).toMatchObject({ email: 'ada@example.com', firstname: 'Ada L.' });
  });

  it('refuses more than 100 inputs with a 400', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => contact(`u${i}@example.com`));
    const res = await upsert(inputs);
    expect(res).toMatchObject({ status: 400, json: { category: 'VALIDATION_ERROR' } });
    expect(res.json.message).toContain('at most 100');
    expect(hs.records('contacts')).toEqual([]);
  });

  it('refuses an idProperty that is not unique (a company domain) and duplicate ids in one batch', async () => {
    const byDomain = await upsert(
      [{ id: 'acme.com', idProperty: 'domain', properties: { name: 'Acme' } }],
      'companies',
    );
    expect(byDomain.status).toBe(400);
    expect(byDomain.json.message).toContain('domain is not a unique property');
    const dup = await upsert([contact('a@example.com'), contact('a@example.com')]);
    expect(dup.status).toBe(400);
    expect(dup.json.message).toContain('Duplicate IDs');
  });

  it('answers 207 naming the failing input by objectWriteTraceId when every input has one, writing the rest', async () => {
    const res = await upsert([
      contact('ok@example.com', { num_employees: '12' }, 't0'),
      contact('bad@example.com', { num_employees: 'twelve' }, 't1'),
      contact('worse@example.com', { shoe_size: '44' }, 't2'),
    ]);
    expect(res.status).toBe(207);
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        category: 'VALIDATION_ERROR',
        context: expect.objectContaining({ objectWriteTraceId: ['t1'] }),
        errors: [expect.objectContaining({ code: 'INVALID_INTEGER' })],
      }),
      expect.objectContaining({
        context: expect.objectContaining({ objectWriteTraceId: ['t2'] }),
        errors: [
          expect.objectContaining({
            code: 'PROPERTY_DOESNT_EXIST',
            message: 'Property "shoe_size" does not exist',
          }),
        ],
      }),
    ]);
    expect(hs.records('contacts').map((r) => r.properties.email)).toEqual(['ok@example.com']);
  });

  it('refuses the whole batch with a 400 when inputs carry no objectWriteTraceId, writing nothing', async () => {
    const res = await upsert([contact('ok@example.com'), contact('not-an-email')]);
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('Email address not-an-email is invalid');
    expect(hs.records('contacts')).toEqual([]);
  });

  it('refuses read-only properties, unknown enumeration options and non-midnight dates', async () => {
    const res = await upsert([
      contact('a@example.com', { hs_object_id: '5' }, 'a'),
      contact('b@example.com', { lifecyclestage: 'wizard' }, 'b'),
      contact('c@example.com', { date_of_birth: '2020-01-01T10:00:00Z' }, 'c'),
      contact('d@example.com', { hs_email_optout: 'maybe' }, 'd'),
    ]);
    const codes = res.json.errors.map((e: any) => e.errors[0].code);
    expect(codes).toEqual(['READ_ONLY_VALUE', 'INVALID_OPTION', 'INVALID_DATE', 'INVALID_BOOLEAN']);
  });

  it('keeps unique values unique: creating an existing email is a CONFLICT for that input', async () => {
    const existing = hs.seed('contacts', { email: 'taken@example.com' });
    const res = await call('POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [
        { properties: { email: 'taken@example.com' }, objectWriteTraceId: '0' },
        { properties: { email: 'new@example.com' }, objectWriteTraceId: '1' },
      ],
    });
    expect(res.status).toBe(207);
    expect(res.json.errors[0]).toMatchObject({
      category: 'CONFLICT',
      message: `Contact already exists. Existing ID: ${existing}`,
      context: { objectWriteTraceId: ['0'] },
    });
    expect(hs.records('contacts')).toHaveLength(2);
  });

  it('updates by unique property and reports unknown ids as OBJECT_NOT_FOUND with their ids', async () => {
    hs.seed('contacts', { email: 'a@example.com', firstname: 'A' });
    const res = await call('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: 'a@example.com', idProperty: 'email', properties: { firstname: 'Alice' } },
        { id: 'ghost@example.com', idProperty: 'email', properties: { firstname: 'Boo' } },
      ],
    });
    expect(res.status).toBe(207);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { ids: ['ghost@example.com'] } }),
    ]);
    expect(hs.records('contacts').map((r) => r.properties.firstname)).toEqual(['Alice']);
  });

  it('reads records by unique property and archives them by record id', async () => {
    const id = hs.seed('contacts', { email: 'a@example.com' });
    const read = await call('POST', '/crm/v3/objects/contacts/batch/read', {
      idProperty: 'email',
      inputs: [{ id: 'a@example.com' }, { id: 'gone@example.com' }],
      properties: ['email'],
    });
    expect(read.status).toBe(207);
    expect(read.json.results).toEqual([
      expect.objectContaining({ id, properties: expect.objectContaining({ email: 'a@example.com' }) }),
    ]);
    expect(read.json.errors[0].context.ids).toEqual(['gone@example.com']);
    const archived = await call('POST', '/crm/v3/objects/contacts/batch/archive', { inputs: [{ id }] });
    expect(archived.status).toBe(204);
    expect(hs.records('contacts')).toEqual([]);
  });

  it('serves properties with their types and unique flags, and refuses unknown object types', async () => {
    hs.addProperty('companies', { name: 'company_key', type: 'string', hasUniqueValue: true });
    const res = await call('GET', '/crm/v3/properties/companies');
    expect(res.json.results).toContainEqual(
      expect.objectContaining({ name: 'company_key', hasUniqueValue: true }),
    );
    expect(res.json.results).toContainEqual(
      expect.objectContaining({
        name: 'hs_object_id',
        modificationMetadata: expect.objectContaining({ readOnlyValue: true }),
      }),
    );
    const unknown = await call('GET', '/crm/v3/properties/spaceships');
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toBe('Unable to infer object type from: spaceships');
  });

  it('changes memberships of MANUAL lists only, reporting ids of records that do not exist', async () => {
    const id = hs.seed('contacts', { email: 'a@example.com' });
    const manual = hs.createList({ name: 'VIPs' });
    const dynamic = hs.createList({ name: 'Active', processingType: 'DYNAMIC' });
    const path = (listId: string) => `/crm/v3/lists/${listId}/memberships/add-and-remove`;
    const res = await call('PUT', path(manual), { recordIdsToAdd: [id, '999999'], recordIdsToRemove: [] });
    expect(res.json).toEqual({ recordIdsAdded: [id], recordIdsRemoved: [], recordIdsMissing: ['999999'] });
    expect(hs.listMembers(manual)).toEqual([id]);
    expect((await call('PUT', path(dynamic), { recordIdsToAdd: [id] })).status).toBe(400);
    expect((await call('PUT', path('424242'), { recordIdsToAdd: [id] })).status).toBe(404);
    const search = await call('POST', '/crm/v3/lists/search', { processingTypes: ['MANUAL', 'SNAPSHOT'] });
    expect(search.json.lists.map((l: any) => l.listId)).toEqual([manual]);
  });

  it('throttles with 429, Retry-After and HubSpot policy name, fails on demand, and wants JSON', async () => {
    hs.throttleNext(1, 2, 'DAILY');
    hs.failNext(1, 502);
    const res = await fetch(`${hs.baseUrl}/crm/v3/objects/contacts?limit=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'DAILY' });
    expect((await call('GET', '/crm/v3/objects/contacts?limit=1')).status).toBe(502);
    expect((await call('GET', '/crm/v3/objects/contacts?limit=1')).status).toBe(200);
    const text = await call(
      'POST',
      '/crm/v3/objects/contacts/batch/upsert',
      { inputs: [] },
      { contentType: 'text/plain' },
    );
    expect(text.status).toBe(415);
    expect(hs.received.map((r) => r.status)).toEqual([429, 502, 200, 415]);
  });
});
