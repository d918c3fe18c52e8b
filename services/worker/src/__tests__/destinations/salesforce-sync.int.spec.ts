/**
 * A sync from a Postgres model to Salesforce Contacts (the Salesforce emulator) through the real Temporal dev
 * server and worker, in mirror mode: every customer is upserted by External_Id__c, a customer Salesforce
 * refuses (restricted picklist) is rejected alone, then changes are upserted and removed rows deleted. A record
 * Salesforce cannot lock (UNABLE_TO_LOCK_ROW) is deferred: the run ends with a warning and the next run sends it.
 */
import {
  type SalesforceEmulator,
  startSalesforceEmulator,
} from '@syncline/connectors/testing/emulators/salesforce/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { useSyncTestBed } from '../helpers/sync-test-bed';

const CUSTOMERS = 30;

describe('sync to Salesforce (Temporal → Salesforce emulator)', () => {
  let salesforce: SalesforceEmulator;
  const bed = useSyncTestBed();

  beforeAll(async () => {
    salesforce = await startSalesforceEmulator();
  });

  afterAll(async () => {
    await salesforce?.close();
  });

  const contacts = () => new Map(salesforce.records('Contact').map((r) => [String(r.External_Id__c), r]));

  it('mirrors customers into Contacts by external id, then only what changed, deleting removed rows', async () => {
    await bed.wh.query(`CREATE TABLE customers (id int, last_name text, email text, plan text, ltv numeric)`);
    await bed.wh.query(
      `INSERT INTO customers
         SELECT g, 'Customer' || g, 'user' || g || '@example.com',
                CASE WHEN g = 13 THEN 'platinum' WHEN g % 3 = 0 THEN 'pro' ELSE 'free' END, g * 10.5
           FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, last_name, email, plan, ltv FROM customers', primaryKey: 'id' },
      destination: {
        type: 'salesforce',
        config: { instanceUrl: salesforce.url, accessToken: salesforce.accessToken },
      },
      sync: {
        mode: 'mirror',
        destinationObject: 'Contact',
        mapping: [
          { from: 'id', to: 'External_Id__c' },
          { from: 'last_name', to: 'LastName' },
          { from: 'email', to: 'Email' },
          { from: 'plan', to: 'Plan__c' },
          { from: 'ltv', to: 'Lifetime_Value__c' },
        ],
      },
    });

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('warning');
    expect(first.counts.planned).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(first.counts.succeeded).toEqual({ added: CUSTOMERS - 1, changed: 0, removed: 0 });
    expect(first.counts.failed.added).toBe(1);
    const { rows: rejected } = await bed.worker.pool.query(
      `SELECT r.key, r.reason FROM sync_run_row r JOIN sync_run s ON s.id = r.run_id
        WHERE s.sync_id = $1 AND r.status = 'rejected'`,
      [fx.syncId],
    );
    expect(rejected).toEqual([
      {
        key: '13',
        reason:
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Plan: bad value for restricted picklist field: platinum (Plan__c)',
      },
    ]);
    expect(contacts().size).toBe(CUSTOMERS - 1);
    expect(contacts().get('3')).toMatchObject({
      LastName: 'Customer3',
      Email: 'user3@example.com',
      Plan__c: 'pro',
      Lifetime_Value__c: 31.5,
    });
    // 30 records fit one sObject Collections upsert (200 per request).
    const upserts = salesforce.received.filter(
      (r) => r.method === 'PATCH' && r.path.endsWith('/Contact/External_Id__c'),
    );
    expect(upserts).toHaveLength(1);

    await bed.wh.query(`UPDATE customers SET plan = 'enterprise' WHERE id = 5`);
    await bed.wh.query(`UPDATE customers SET plan = 'pro' WHERE id = 13`);
    await bed.wh.query(`DELETE FROM customers WHERE id = 9`);
    await bed.wh.query(`INSERT INTO customers VALUES (101, 'Newcomer', 'new@example.com', 'free', 0)`);

    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.status).toBe('success');
    expect(second.counts.succeeded).toEqual({ added: 2, changed: 1, removed: 1 });
    const after = contacts();
    expect(after.size).toBe(CUSTOMERS);
    expect(after.get('5')?.Plan__c).toBe('enterprise');
    expect(after.get('13')?.Plan__c).toBe('pro');
    expect(after.get('101')).toMatchObject({ LastName: 'Newcomer', Lifetime_Value__c: 0 });
    expect(after.has('9')).toBe(false);
  });

  it('defers a record Salesforce asks to retry later, and the next run delivers it', async () => {
    await bed.wh.query(`CREATE TABLE leads (id int, last_name text)`);
    await bed.wh.query(`INSERT INTO leads SELECT g, 'Lead' || g FROM generate_series(1, 5) g`);
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, last_name FROM leads', primaryKey: 'id' },
      destination: {
        type: 'salesforce',
        config: { instanceUrl: salesforce.url, accessToken: salesforce.accessToken },
      },
      sync: {
        mode: 'upsert',
        destinationObject: 'Contact',
        mapping: [
          { from: 'id', to: 'External_Id__c' },
          { from: 'last_name', to: 'LastName' },
        ],
      },
    });
    salesforce.lockRecords('Contact', 'LastName', ['Lead4']);
    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('warning');
    expect(first.counts.succeeded.added).toBe(4);
    expect(first.counts.deferred).toEqual({ added: 1, changed: 0, removed: 0 });
    expect(first.counts.failed.added).toBe(0);
    const { rows } = await bed.worker.pool.query(
      `SELECT key, status, reason FROM sync_run_row WHERE run_id = $1 AND status <> 'accepted'`,
      [first.runId],
    );
    expect(rows).toEqual([
      { key: '4', status: 'deferred', reason: expect.stringMatching(/^UNABLE_TO_LOCK_ROW/) },
    ]);

    salesforce.clearFaults();
    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.status).toBe('success');
    expect(second.counts.succeeded).toEqual({ added: 1, changed: 0, removed: 0 });
    expect(contacts().get('4')).toMatchObject({ LastName: 'Lead4' });
  });
});
