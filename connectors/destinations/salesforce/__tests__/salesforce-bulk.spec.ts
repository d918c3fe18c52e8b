import type { DestinationRecord, WriteContext } from '@syncline/domain';
import { parse } from 'csv-parse/sync';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../../testing/emulators/salesforce/emulator';
import { salesforceDestination as sf } from '../salesforce-destination';
import {
  type SalesforceDestinationConfig,
  salesforceDestinationSpec,
} from '../salesforce-destination.config';

const sub = (
  key: string,
  fields: Record<string, unknown> = {},
  op: DestinationRecord['op'] = 'added',
): DestinationRecord => ({
  key,
  op,
  fields: op === 'removed' ? {} : { Name: `Sub ${key}`, Seats__c: 3, ...fields },
  idempotencyKey: `${key}:${op}`,
});
const context: WriteContext = { mode: 'mirror', object: 'Subscription__c', keyField: 'Subscription_Key__c' };

describe('salesforce destination (Bulk API 2.0)', () => {
  let emulator: SalesforceEmulator;
  let config: SalesforceDestinationConfig;
  const calls = () =>
    emulator.received
      .filter((r) => r.path.startsWith('/services/data/') && !r.path.endsWith('/describe'))
      .map(
        (r) => `${r.method} ${r.path.replace(/^\/services\/data\/v66\.0/, '').replace(/750\w+/, '{job}')}`,
      );

  beforeEach(async () => {
    emulator = await startSalesforceEmulator({ bulkPollsBeforeComplete: 2 });
    config = salesforceDestinationSpec.parse({
      instanceUrl: emulator.url,
      accessToken: emulator.accessToken,
      mode: 'bulk',
      bulkPollIntervalMs: 5,
    });
  });
  afterEach(() => emulator.close());

  it('runs one upsert job: create, upload CSV, close, poll, read successful and failed results per row', async () => {
    const outcomes = await sf.write(
      config,
      [sub('s1', { Renews_On__c: '2030-01-31' }), sub('s2', { Name: null }), sub('s3', { Seats__c: null })],
      context,
    );
    expect(outcomes).toEqual([
      { key: 's1', status: 'accepted' },
      {
        key: 's2',
        status: 'rejected',
        reason: 'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --',
      },
      { key: 's3', status: 'accepted' },
    ]);
    expect(calls()).toEqual([
      'POST /jobs/ingest',
      'PUT /jobs/ingest/{job}/batches',
      'PATCH /jobs/ingest/{job}',
      'GET /jobs/ingest/{job}',
      'GET /jobs/ingest/{job}',
      'GET /jobs/ingest/{job}',
      'GET /jobs/ingest/{job}/successfulResults/',
      'GET /jobs/ingest/{job}/failedResults/',
    ]);
    const create = emulator.received.find((r) => r.path.endsWith('/jobs/ingest'))!;
    expect(JSON.parse(create.body)).toEqual({
      object: 'Subscription__c',
      operation: 'upsert',
      contentType: 'CSV',
      lineEnding: 'LF',
      externalIdFieldName: 'Subscription_Key__c',
    });
    const upload = emulator.received.find((r) => r.path.endsWith('/batches'))!;
    expect(upload.headers['content-type']).toBe('text/csv');
    expect(parse(upload.body, { columns: true })).toEqual([
      { Name: 'Sub s1', Seats__c: '3', Renews_On__c: '2030-01-31', Subscription_Key__c: 's1' },
      { Name: '#N/A', Seats__c: '3', Renews_On__c: '', Subscription_Key__c: 's2' },
      { Name: 'Sub s3', Seats__c: '#N/A', Renews_On__c: '', Subscription_Key__c: 's3' },
    ]);
    expect(
      emulator.records('Subscription__c').map((r) => [r.Subscription_Key__c, r.Seats__c, r.Active__c]),
    ).toEqual([
      ['s1', 3, false],
      ['s3', null, false],
    ]);
  });

  it('deletes removed rows with a delete job of Ids found by external id', async () => {
    await sf.write(config, [sub('d1'), sub('d2')], context);
    const outcomes = await sf.write(config, [sub('d1', {}, 'removed'), sub('never', {}, 'removed')], context);
    expect(outcomes).toEqual([
      { key: 'd1', status: 'accepted' },
      { key: 'never', status: 'accepted' },
    ]);
    const jobs = emulator.jobs();
    expect(jobs.map((j) => j.operation)).toEqual(['upsert', 'delete']);
    expect(jobs[1]!.csv.split('\n')[0]).toBe('Id');
    expect(emulator.records('Subscription__c').map((r) => r.Subscription_Key__c)).toEqual(['d2']);
  });

  it('update mode sends an update job by Id and rejects keys Salesforce does not have', async () => {
    emulator.seed('Subscription__c', { Name: 'Old', Subscription_Key__c: 'u1' });
    const outcomes = await sf.write(
      config,
      [sub('u1', { Name: 'New' }, 'changed'), sub('u2', {}, 'changed')],
      { ...context, mode: 'update' },
    );
    expect(outcomes).toEqual([
      { key: 'u1', status: 'accepted' },
      { key: 'u2', status: 'rejected', reason: expect.stringContaining('NOT_FOUND') },
    ]);
    expect(emulator.jobs().map((j) => j.operation)).toEqual(['update']);
    expect(emulator.records('Subscription__c').map((r) => r.Name)).toEqual(['New']);
  });

  it('gives a row the sf__Error Salesforce reports for it in failedResults', async () => {
    const outcomes = await sf.write(config, [sub('j1', { Contact__r: { Email: 'x@example.com' } })], context);
    expect(outcomes).toEqual([
      {
        key: 'j1',
        status: 'rejected',
        reason: expect.stringMatching(/^INVALID_FIELD:Foreign key external ID field is missing/),
      },
    ]);
  });

  it('aborts the job when the sync run is cancelled while it runs', async () => {
    const slow = await startSalesforceEmulator({ bulkPollsBeforeComplete: 1_000 });
    try {
      const cfg = { ...config, instanceUrl: slow.url, accessToken: slow.accessToken };
      const controller = new AbortController();
      const write = sf.write(cfg, [sub('c1')], { ...context, signal: controller.signal });
      while (!slow.received.some((r) => r.method === 'GET' && /\/jobs\/ingest\/\w+$/.test(r.path)))
        await new Promise((r) => setTimeout(r, 5));
      controller.abort();
      await expect(write).rejects.toBeDefined();
      expect(slow.jobs().map((j) => j.state)).toEqual(['Aborted']);
      expect(slow.records('Subscription__c')).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('auto mode uses Collections up to bulkThreshold records and a Bulk job above it', async () => {
    const auto = { ...config, mode: 'auto' as const, bulkThreshold: 3 };
    await sf.write(auto, [sub('a1'), sub('a2')], context);
    expect(emulator.jobs()).toHaveLength(0);
    await sf.write(auto, [sub('a3'), sub('a4'), sub('a5'), sub('a6')], context);
    expect(emulator.jobs()).toHaveLength(1);
    expect(emulator.records('Subscription__c')).toHaveLength(6);
  });
});
