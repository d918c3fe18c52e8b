/**
 * A sync from a Postgres model to Braze user attributes (the Braze emulator) through the real Temporal dev
 * server and worker: every customer lands as a profile keyed by external_id, a customer Braze refuses is
 * rejected alone, then changes go out (only the attributes that changed) and removals are left alone
 * (Braze users are not deleted by a sync).
 */
import { type BrazeEmulator, startBrazeEmulator } from '@syncline/connectors/testing/emulators/braze/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { useSyncTestBed } from '../helpers/sync-test-bed';

const CUSTOMERS = 30;
const API_KEY = 'braze-int-key-0123456789';

describe('sync to Braze (Temporal → Braze emulator)', () => {
  let braze: BrazeEmulator;
  const bed = useSyncTestBed();

  beforeAll(async () => {
    braze = await startBrazeEmulator({ apiKey: API_KEY });
  });

  afterAll(async () => {
    await braze?.close();
  });

  it('upserts every customer as a Braze profile, then only what changed', async () => {
    await bed.wh.query(
      `CREATE TABLE customers (id int, email text, first_name text, plan text, birthday date)`,
    );
    await bed.wh.query(
      `INSERT INTO customers
         SELECT g, CASE WHEN g = 13 THEN 'not-an-email' ELSE 'user' || g || '@example.com' END,
                'Name' || g, CASE WHEN g % 3 = 0 THEN 'pro' ELSE 'free' END, DATE '1990-01-01' + g
           FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, email, first_name, plan, birthday FROM customers', primaryKey: 'id' },
      destination: { type: 'braze', config: { apiKey: API_KEY, restEndpoint: braze.url } },
      sync: {
        mode: 'upsert',
        destinationObject: 'users',
        mapping: [
          { from: 'id', to: 'external_id' },
          { from: 'email', to: 'email' },
          { from: 'first_name', to: 'first_name' },
          { from: 'plan', to: 'plan' },
          { from: 'birthday', to: 'dob' },
        ],
      },
    });

    const first = await bed.worker.runToCompletion(fx.syncId);
    // A rejected row makes the run a warning, not a failure.
    expect(first.status).toBe('warning');
    expect(first.counts.planned).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(first.counts.succeeded).toEqual({ added: CUSTOMERS - 1, changed: 0, removed: 0 });
    expect(first.counts.failed.added).toBe(1);
    const { rows: rejected } = await bed.worker.pool.query(
      `SELECT r.key, r.reason FROM sync_run_row r JOIN sync_run s ON s.id = r.run_id
        WHERE s.sync_id = $1 AND r.status = 'rejected'`,
      [fx.syncId],
    );
    expect(rejected).toEqual([{ key: '13', reason: "Braze: 'email' is not a valid email address" }]);
    expect(braze.users()).toHaveLength(CUSTOMERS - 1);
    expect(braze.user('3')?.attributes).toEqual({
      external_id: '3',
      email: 'user3@example.com',
      first_name: 'Name3',
      plan: 'pro',
      dob: '1990-01-04',
    });
    // 29 objects fit one /users/track request (75 per type).
    expect(braze.received.filter((r) => r.status === 201)).toHaveLength(1);
    const firstRunRequests = braze.received.length;

    await bed.wh.query(`UPDATE customers SET plan = 'enterprise' WHERE id = 5`);
    await bed.wh.query(`UPDATE customers SET email = 'user13@example.com' WHERE id = 13`);
    await bed.wh.query(`DELETE FROM customers WHERE id = 9`);
    await bed.wh.query(`INSERT INTO customers VALUES (101, 'new@example.com', 'New', 'pro', '2000-02-29')`);

    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.status).toBe('success');
    expect(second.counts.succeeded).toEqual({ added: 2, changed: 1, removed: 1 });
    expect(braze.users()).toHaveLength(CUSTOMERS + 1);
    expect(braze.user('5')?.attributes.plan).toBe('enterprise');
    expect(braze.user('13')?.attributes.email).toBe('user13@example.com');
    expect(braze.user('101')?.attributes).toMatchObject({ first_name: 'New', dob: '2000-02-29' });
    // Removals are accepted and ignored: the profile stays in Braze.
    expect(braze.user('9')?.attributes.first_name).toBe('Name9');

    // Braze bills per data point: a changed customer sends only the attribute that changed (the previous
    // fields come from the managed CDC state), while an added one sends everything.
    const sent = braze.received
      .slice(firstRunRequests)
      .filter((r) => r.path === '/users/track' && r.status === 201)
      .flatMap((r) => (r.body as { attributes?: Record<string, unknown>[] }).attributes ?? []);
    expect(sent.find((a) => a.external_id === '5')).toEqual({ external_id: '5', plan: 'enterprise' });
    expect(sent.find((a) => a.external_id === '13')).toEqual({
      external_id: '13',
      email: 'user13@example.com',
      first_name: 'Name13',
      plan: 'free',
      dob: '1990-01-14',
    });
    expect(braze.user('5')?.attributes).toMatchObject({ first_name: 'Name5', plan: 'enterprise' });
  });
});
