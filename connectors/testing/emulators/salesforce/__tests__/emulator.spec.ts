import { parse } from 'csv-parse/sync';
import { type SalesforceEmulator, startSalesforceEmulator } from '../emulator';

describe('Salesforce emulator', () => {
  let emulator: SalesforceEmulator;
  beforeEach(async () => {
    emulator = await startSalesforceEmulator({ bulkPollsBeforeComplete: 0 });
  });
  afterEach(() => emulator.close());

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${emulator.url}/services/data/v66.0${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${emulator.accessToken}`,
        ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  }
  const contacts = (...records: Record<string, unknown>[]) => ({
    allOrNone: false,
    records: records.map((r) => ({ attributes: { type: 'Contact' }, ...r })),
  });

  it('answers 401 INVALID_SESSION_ID without a valid Bearer token, and after sessions expire', async () => {
    expect(await call('GET', '/sobjects', undefined, { Authorization: 'Bearer wrong' })).toMatchObject({
      status: 401,
      json: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }],
    });
    expect((await call('GET', '/sobjects')).status).toBe(200);
    emulator.expireSessions();
    expect((await call('GET', '/sobjects')).status).toBe(401);
  });

  it('issues access tokens for the refresh-token grant only with the right client and token', async () => {
    const token = (form: Record<string, string>) =>
      fetch(`${emulator.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
    const { clientId, clientSecret, refreshToken } = emulator.oauth;
    const good = await token({
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken,
    });
    expect(good).toMatchObject({ status: 200, json: { token_type: 'Bearer', instance_url: emulator.url } });
    const wrong = await token({
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: 'nope',
    });
    expect(wrong).toEqual({
      status: 400,
      json: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
    });
    const fresh = good.json.access_token as string;
    expect((await call('GET', '/limits', undefined, { Authorization: `Bearer ${fresh}` })).status).toBe(200);
  });

  it('refuses more than 200 records, unknown fields, wrong JSON types and missing attributes for the whole request', async () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ LastName: `n${i}`, External_Id__c: `e${i}` }));
    expect(
      await call('PATCH', '/composite/sobjects/Contact/External_Id__c', contacts(...many)),
    ).toMatchObject({
      status: 400,
      json: [{ errorCode: 'EXCEEDED_ID_LIMIT' }],
    });
    expect(
      await call('POST', '/composite/sobjects', contacts({ LastName: 'a', Shoe_Size__c: 9 })),
    ).toMatchObject({
      status: 400,
      json: [
        { errorCode: 'INVALID_FIELD', message: "No such column 'Shoe_Size__c' on sobject of type Contact" },
      ],
    });
    expect(
      await call('POST', '/composite/sobjects', contacts({ LastName: 'a', Lifetime_Value__c: 'many' })),
    ).toMatchObject({
      status: 400,
      json: [{ errorCode: 'JSON_PARSER_ERROR' }],
    });
    expect(await call('POST', '/composite/sobjects', { records: [{ LastName: 'a' }] })).toMatchObject({
      status: 400,
      json: [{ errorCode: 'INVALID_TYPE', message: 'Must send a concrete entity type.' }],
    });
    expect(
      await call('PATCH', '/composite/sobjects/Contact/LastName', contacts({ LastName: 'a' })),
    ).toMatchObject({
      status: 400,
      json: [{ errorCode: 'INVALID_FIELD' }],
    });
    expect(
      (
        await call('POST', '/composite/sobjects', JSON.stringify(contacts({ LastName: 'a' })), {
          'Content-Type': 'text/plain',
        })
      ).status,
    ).toBe(415);
    expect((await call('PUT', '/composite/sobjects', contacts({ LastName: 'a' }))).status).toBe(405);
    expect(emulator.records('Contact')).toEqual([]);
  });

  it('answers per-record save errors in request order, in Salesforce’s result format', async () => {
    const answer = await call(
      'PATCH',
      '/composite/sobjects/Contact/External_Id__c',
      contacts(
        { LastName: 'Ok', External_Id__c: 'a' },
        { External_Id__c: 'b' },
        { LastName: 'x', External_Id__c: 'c', Plan__c: 'platinum' },
        { LastName: 'x', External_Id__c: 'd', Name: 'Full' },
        { LastName: 'x' },
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([
      { id: expect.stringMatching(/^003\w{15}$/), success: true, errors: [], created: true },
      {
        id: null,
        success: false,
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [LastName]',
            fields: ['LastName'],
          },
        ],
      },
      {
        id: null,
        success: false,
        errors: [
          {
            statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            message: 'Plan: bad value for restricted picklist field: platinum',
            fields: ['Plan__c'],
          },
        ],
      },
      {
        id: null,
        success: false,
        errors: [
          expect.objectContaining({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Name'] }),
        ],
      },
      { id: null, success: false, errors: [expect.objectContaining({ statusCode: 'MISSING_ARGUMENT' })] },
    ]);
    const again = await call(
      'PATCH',
      '/composite/sobjects/Contact/External_Id__c',
      contacts({ LastName: 'Again', External_Id__c: 'A' }),
    );
    expect(again.json).toEqual([expect.objectContaining({ success: true, created: false })]);
    expect(emulator.records('Contact').map((r) => r.LastName)).toEqual(['Again']);
  });

  it('answers the Id lookup SOQL shape, refuses other queries, and deletes by ids', async () => {
    const id = emulator.seed('Contact', { LastName: 'Q', External_Id__c: "it's" });
    const q = encodeURIComponent(
      "SELECT Id, External_Id__c FROM Contact WHERE External_Id__c IN ('it\\'s','other')",
    );
    expect((await call('GET', `/query?q=${q}`)).json).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Contact', url: `/services/data/v66.0/sobjects/Contact/${id}` },
          Id: id,
          External_Id__c: "it's",
        },
      ],
    });
    expect(await call('GET', `/query?q=${encodeURIComponent('SELECT Name FROM Contact')}`)).toMatchObject({
      status: 400,
      json: [{ errorCode: 'MALFORMED_QUERY' }],
    });
    const deleted = await call('DELETE', `/composite/sobjects?ids=${id},003000000000999AAA&allOrNone=false`);
    expect(deleted.json).toEqual([
      { id, success: true, errors: [] },
      {
        id: null,
        success: false,
        errors: [expect.objectContaining({ statusCode: 'INVALID_CROSS_REFERENCE_KEY' })],
      },
    ]);
    expect((await call('DELETE', `/composite/sobjects?ids=${id}`)).json).toEqual([
      {
        id: null,
        success: false,
        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
      },
    ]);
    const tooMany = Array.from({ length: 201 }, (_, i) => `003${String(i).padStart(15, '0')}`).join(',');
    expect(await call('DELETE', `/composite/sobjects?ids=${tooMany}`)).toMatchObject({
      status: 400,
      json: [{ errorCode: 'EXCEEDED_ID_LIMIT' }],
    });
  });

  it('runs a Bulk API 2.0 job through its states and returns results CSVs', async () => {
    const created = await call('POST', '/jobs/ingest', {
      object: 'Contact',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      contentType: 'CSV',
      lineEnding: 'LF',
    });
    const jobId = (created.json as { id: string; state: string }).id;
    expect(created.json).toMatchObject({ state: 'Open', object: 'Contact' });
    expect((await call('GET', `/jobs/ingest/${jobId}/successfulResults/`)).status).toBe(400);
    expect(
      (
        await call('PUT', `/jobs/ingest/${jobId}/batches`, 'LastName,External_Id__c\nA,1\n', {
          'Content-Type': 'application/json',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', `/jobs/ingest/${jobId}/batches`, 'LastName,External_Id__c\nA,1\n#N/A,2\n', {
          'Content-Type': 'text/csv',
        })
      ).status,
    ).toBe(201);
    expect((await call('PATCH', `/jobs/ingest/${jobId}`, { state: 'UploadComplete' })).status).toBe(200);
    expect(
      (await call('PUT', `/jobs/ingest/${jobId}/batches`, 'LastName\nB\n', { 'Content-Type': 'text/csv' }))
        .status,
    ).toBe(409);
    expect((await call('GET', `/jobs/ingest/${jobId}`)).json).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 2,
      numberRecordsFailed: 1,
    });
    const ok = parse((await call('GET', `/jobs/ingest/${jobId}/successfulResults/`)).text, { columns: true });
    expect(ok).toEqual([
      { sf__Id: expect.stringMatching(/^003/), sf__Created: 'true', LastName: 'A', External_Id__c: '1' },
    ]);
    const failed = parse((await call('GET', `/jobs/ingest/${jobId}/failedResults/`)).text, { columns: true });
    expect(failed).toEqual([
      {
        sf__Id: '',
        sf__Error: 'REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --',
        LastName: '#N/A',
        External_Id__c: '2',
      },
    ]);
  });

  it('fails a job whose CSV names an unknown field, and refuses bad job definitions', async () => {
    const created = await call('POST', '/jobs/ingest', {
      object: 'Contact',
      operation: 'insert',
      lineEnding: 'LF',
    });
    const jobId = (created.json as { id: string }).id;
    await call('PUT', `/jobs/ingest/${jobId}/batches`, 'LastName,Shoe__c\nA,9\n', {
      'Content-Type': 'text/csv',
    });
    await call('PATCH', `/jobs/ingest/${jobId}`, { state: 'UploadComplete' });
    expect((await call('GET', `/jobs/ingest/${jobId}`)).json).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : Shoe__c',
    });
    expect((await call('POST', '/jobs/ingest', { object: 'Contact', operation: 'merge' })).status).toBe(400);
    expect(
      (
        await call('POST', '/jobs/ingest', {
          object: 'Contact',
          operation: 'upsert',
          externalIdFieldName: 'LastName',
        })
      ).status,
    ).toBe(400);
  });

  it('injects 5xx, 429 with Retry-After and 403 REQUEST_LIMIT_EXCEEDED on demand', async () => {
    emulator.failNext(1, 503);
    emulator.throttleNext(1, 7);
    emulator.requestLimitNext(1);
    expect((await call('GET', '/limits')).status).toBe(503);
    const throttled = await call('GET', '/limits');
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
    expect(await call('GET', '/limits')).toMatchObject({
      status: 403,
      json: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    });
    expect((await call('GET', '/limits')).status).toBe(200);
    expect(emulator.apiRequestCount()).toBe(4);
  });

  it('serves describes with external id and required flags, and 404 for unknown objects and versions', async () => {
    const describe = (await call('GET', '/sobjects/Contact/describe')).json as {
      fields: { name: string; externalId: boolean }[];
    };
    expect(describe.fields.find((f) => f.name === 'External_Id__c')?.externalId).toBe(true);
    expect((await call('GET', '/sobjects/Nope__c/describe')).status).toBe(404);
    const old = await fetch(`${emulator.url}/services/data/v20.0/sobjects`, {
      headers: { Authorization: `Bearer ${emulator.accessToken}` },
    });
    expect(old.status).toBe(404);
  });
});
