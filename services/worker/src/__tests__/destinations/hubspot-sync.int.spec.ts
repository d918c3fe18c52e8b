/**
 * Syncs from a Postgres model to HubSpot (the HubSpot emulator) through the real Temporal dev server and
 * worker: contacts upserted by a custom unique property with typed values, a contact HubSpot refuses is
 * rejected alone, then changes go out and removed customers are archived (mirror); and an audience sync
 * that keeps a static list's members in step with a model.
 */
import {
  type HubSpotEmulator,
  startHubSpotEmulator,
} from '@syncline/connectors/testing/emulators/hubspot/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { useSyncTestBed } from '../helpers/sync-test-bed';

const CUSTOMERS = 30;
const TOKEN = 'pat-na1-int-0123456789';

describe('sync to HubSpot (Temporal → HubSpot emulator)', () => {
  let hs: HubSpotEmulator;
  const bed = useSyncTestBed();

  beforeAll(async () => {
    hs = await startHubSpotEmulator({ accessToken: TOKEN });
    hs.addProperty('contacts', { name: 'customer_id', type: 'number', hasUniqueValue: true });
    await bed.wh.query(
      `CREATE TABLE customers (id int, email text, first_name text, employees int, opted_out boolean, birthday date)`,
    );
    await bed.wh.query(
      `INSERT INTO customers
         SELECT g, CASE WHEN g = 13 THEN 'not-an-email' ELSE 'user' || g || '@example.com' END,
                'Name' || g, g * 10, g % 2 = 0, DATE '1990-01-01' + g
           FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
  });

  afterAll(async () => {
    await hs?.close();
  });

  const destination = () => ({ type: 'hubspot', config: { accessToken: TOKEN, baseUrl: hs.baseUrl } });
  const contactsById = () =>
    new Map(hs.records('contacts').map((r) => [r.properties.customer_id, r.properties]));

  it('upserts every customer as a contact, rejects the one HubSpot refuses, then mirrors changes and removals', async () => {
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: {
        sql: 'SELECT id, email, first_name, employees, opted_out, birthday FROM customers',
        primaryKey: 'id',
      },
      destination: destination(),
      sync: {
        mode: 'mirror',
        destinationObject: 'contacts',
        mapping: [
          { from: 'id', to: 'customer_id' },
          { from: 'email', to: 'email' },
          { from: 'first_name', to: 'firstname' },
          { from: 'employees', to: 'num_employees' },
          { from: 'opted_out', to: 'hs_email_optout' },
          { from: 'birthday', to: 'date_of_birth' },
        ],
      },
    });

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.counts.planned).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(first.counts.succeeded).toEqual({ added: CUSTOMERS - 1, changed: 0, removed: 0 });
    expect(first.counts.failed).toEqual({ added: 1, changed: 0, removed: 0 });
    const { rows: rejected } = await bed.worker.pool.query(
      `SELECT r.key, r.reason FROM sync_run_row r JOIN sync_run s ON s.id = r.run_id
        WHERE s.sync_id = $1 AND r.status = 'rejected'`,
      [fx.syncId],
    );
    expect(rejected).toEqual([
      { key: '13', reason: expect.stringContaining('Email address not-an-email is invalid') },
    ]);
    const landed = contactsById();
    expect(landed.size).toBe(CUSTOMERS - 1);
    expect(landed.get('4')).toMatchObject({
      email: 'user4@example.com',
      firstname: 'Name4',
      num_employees: '40',
      hs_email_optout: 'true',
      date_of_birth: '1990-01-05',
    });
    // 30 rows fit one batch of 100: one properties look-up and one upsert.
    expect(hs.received.filter((r) => r.path.endsWith('/batch/upsert'))).toHaveLength(1);

    await bed.wh.query(`UPDATE customers SET email = 'user13@example.com' WHERE id = 13`);
    await bed.wh.query(`UPDATE customers SET first_name = 'Renamed' WHERE id = 5`);
    await bed.wh.query(`DELETE FROM customers WHERE id IN (7, 8)`);
    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.counts.succeeded).toEqual({ added: 1, changed: 1, removed: 2 });
    expect(second.counts.failed).toEqual({ added: 0, changed: 0, removed: 0 });
    const now = contactsById();
    expect(now.size).toBe(CUSTOMERS - 2);
    expect(now.has('7') || now.has('8')).toBe(false);
    expect(now.get('5')?.firstname).toBe('Renamed');
    expect(now.get('13')?.email).toBe('user13@example.com');
  });

  it('keeps a static list in step with an audience model: adds members, then removes those who left', async () => {
    await bed.wh.query(`CREATE TABLE churn_risk (email text)`);
    await bed.wh.query(
      `INSERT INTO churn_risk VALUES ('user1@example.com'), ('user2@example.com'), ('user3@example.com')`,
    );
    const listId = hs.createList({ name: 'Churn risk', processingType: 'MANUAL' });
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT email FROM churn_risk', primaryKey: 'email' },
      destination: destination(),
      sync: {
        mode: 'mirror',
        destinationObject: `list:${listId}`,
        mapping: [{ from: 'email', to: 'email' }],
      },
    });
    const idOf = (email: string) => hs.records('contacts').find((r) => r.properties.email === email)!.id;

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.counts.succeeded).toEqual({ added: 3, changed: 0, removed: 0 });
    expect(hs.listMembers(listId).sort()).toEqual(
      ['user1@example.com', 'user2@example.com', 'user3@example.com'].map(idOf).sort(),
    );

    await bed.wh.query(`DELETE FROM churn_risk WHERE email = 'user2@example.com'`);
    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.counts.succeeded).toEqual({ added: 0, changed: 0, removed: 1 });
    expect(hs.listMembers(listId).sort()).toEqual(
      ['user1@example.com', 'user3@example.com'].map(idOf).sort(),
    );
  });
});
