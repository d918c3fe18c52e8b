/**
 * A mirror sync from a Postgres model to a Meta customer-list audience (the emulator) through the real
 * Temporal dev server and worker: members land hashed, an unusable phone rejects its row alone, and the
 * next run adds, updates and removes only what changed.
 */
import { createHash } from 'node:crypto';
import {
  type MetaEmulator,
  startMetaCustomAudiencesEmulator,
} from '@syncline/connectors/testing/emulators/meta-custom-audiences/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { useSyncTestBed } from '../helpers/sync-test-bed';

const CUSTOMERS = 30;
const AUDIENCE = '23851234567890';
const accessToken = 'EAAG-integration-system-user-token-0123456789';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const phoneOf = (id: number) => `(650) 253-${String(id).padStart(4, '0')}`;

describe('Meta Custom Audiences sync (Temporal + Postgres + emulator)', () => {
  let meta: MetaEmulator;
  const bed = useSyncTestBed();

  beforeAll(async () => {
    meta = await startMetaCustomAudiencesEmulator({
      accessToken,
      adAccountId: 'act_5550001',
      audiences: [{ id: AUDIENCE, name: 'Warehouse customers' }],
    });
  });

  afterAll(async () => {
    await meta?.close();
  });

  /** The audience as { EXTERN_ID hash → EMAIL hash }. */
  const audience = () => new Map(meta.members(AUDIENCE).map((m) => [m.EXTERN_ID, m.EMAIL]));
  const expectedMember = (id: number, email: string) => [sha(String(id)), sha(email)] as const;

  it('adds hashed members, rejects an unusable phone alone, then mirrors adds, changes and removals', async () => {
    await bed.wh.query(
      `CREATE TABLE customers (id int PRIMARY KEY, email text, phone text, first_name text)`,
    );
    await bed.wh.query(
      `INSERT INTO customers
         SELECT g, 'User' || g || '@Example.com', '(650) 253-' || lpad(g::text, 4, '0'), 'Name ' || g
           FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
    await bed.wh.query(`UPDATE customers SET phone = '12' WHERE id = 5`);
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, email, phone, first_name FROM customers', primaryKey: 'id' },
      destination: {
        type: 'meta_custom_audiences',
        config: { accessToken, adAccountId: 'act_5550001', baseUrl: meta.url, defaultCountryCode: 'US' },
      },
      sync: {
        mode: 'mirror',
        destinationObject: AUDIENCE,
        mapping: [
          { from: 'id', to: 'EXTERN_ID' },
          { from: 'email', to: 'EMAIL' },
          { from: 'phone', to: 'PHONE' },
          { from: 'first_name', to: 'FN' },
        ],
      },
    });

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('warning');
    expect(first.counts.planned).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(first.counts.succeeded).toEqual({ added: CUSTOMERS - 1, changed: 0, removed: 0 });
    expect(first.counts.failed).toEqual({ added: 1, changed: 0, removed: 0 });
    const { rows: rejected } = await bed.worker.pool.query(
      `SELECT key, reason FROM sync_run_row WHERE run_id = $1 AND status = 'rejected'`,
      [first.runId],
    );
    expect(rejected).toEqual([{ key: '5', reason: 'field "PHONE" is not a valid phone number' }]);

    const ids = Array.from({ length: CUSTOMERS }, (_, i) => i + 1).filter((id) => id !== 5);
    expect(audience()).toEqual(new Map(ids.map((id) => expectedMember(id, `user${id}@example.com`))));
    expect(meta.members(AUDIENCE).find((m) => m.EXTERN_ID === sha('7'))).toEqual({
      EMAIL: sha('user7@example.com'),
      PHONE: sha(`1650253${String(7).padStart(4, '0')}`),
      FN: sha('name'),
      EXTERN_ID: sha('7'),
    });
    const sent = JSON.stringify(meta.received.map((r) => r.body));
    expect(sent).not.toMatch(/example\.com|650\) 253/i);

    await bed.wh.query(`UPDATE customers SET phone = $1 WHERE id = 5`, [phoneOf(5)]);
    await bed.wh.query(`UPDATE customers SET email = 'changed7@example.com' WHERE id = 7`);
    await bed.wh.query(`DELETE FROM customers WHERE id = 9`);
    await bed.wh.query(`INSERT INTO customers VALUES (31, 'new31@example.com', $1, 'New')`, [phoneOf(31)]);

    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.status).toBe('success');
    // 5 was never delivered, so it is sent again as an addition, now with a usable phone.
    expect(second.counts.planned).toEqual({ added: 2, changed: 1, removed: 1 });
    expect(second.counts.succeeded).toEqual({ added: 2, changed: 1, removed: 1 });
    const after = audience();
    expect(after.size).toBe(CUSTOMERS);
    expect(after.get(sha('5'))).toBe(sha('user5@example.com'));
    expect(after.get(sha('7'))).toBe(sha('changed7@example.com'));
    expect(after.get(sha('31'))).toBe(sha('new31@example.com'));
    expect(after.has(sha('9'))).toBe(false);
    const removal = meta.received.find((r) => r.method === 'DELETE');
    expect(removal?.body).toMatchObject({ payload: { schema: ['EXTERN_ID'], data: [[sha('9')]] } });

    const third = await bed.worker.runToCompletion(fx.syncId);
    expect(third.counts.planned).toEqual({ added: 0, changed: 0, removed: 0 });
  });
});
