/**
 * A sync run end to end through the real Temporal dev server: Postgres model → Postgres table and → webhook,
 * with managed CDC sending only what changed since the last delivered state.
 */
import {
  startWebhookEmulator,
  type WebhookEmulator,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { WorkflowFailedError } from '@temporalio/client';
import { useSyncTestBed } from './helpers/sync-test-bed';

const CUSTOMERS = 250;
const mapping = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'plan', to: 'plan' },
];

describe('sync run (Temporal + Postgres)', () => {
  const bed = useSyncTestBed();

  async function customersTable(name: string, rows = CUSTOMERS): Promise<void> {
    await bed.wh.query(`CREATE TABLE ${name} (id int, email text, plan text, notes text)`);
    await bed.wh.query(
      `INSERT INTO ${name} SELECT g, 'user' || g || '@example.com', CASE WHEN g % 3 = 0 THEN 'pro' ELSE 'free' END, 'n'
         FROM generate_series(1, $1) g`,
      [rows],
    );
  }

  async function postgresSync(
    table: string,
    target: string,
    duplicateKeyPolicy: 'exclude' | 'fail' = 'exclude',
  ) {
    await bed.wh.query(
      `CREATE TABLE ${target} (customer_id int PRIMARY KEY, email text NOT NULL, plan text)`,
    );
    return bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: `SELECT id, email, plan, notes FROM ${table}`, primaryKey: 'id' },
      destination: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      sync: { mode: 'mirror', mapping, destinationObject: target, duplicateKeyPolicy },
    });
  }

  const targetRows = async (target: string) =>
    (await bed.wh.query(`SELECT customer_id, email, plan FROM ${target} ORDER BY customer_id`)).rows;

  it('delivers every row on the first run, then only inserted, updated and deleted rows', async () => {
    await customersTable('customers_a');
    const fx = await postgresSync('customers_a', 'crm_a');

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('success');
    expect(first.counts.planned).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(first.counts.succeeded).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(await targetRows('crm_a')).toHaveLength(CUSTOMERS);

    await bed.wh.query(`INSERT INTO customers_a VALUES (1001, 'new@example.com', 'pro', 'n')`);
    await bed.wh.query(`UPDATE customers_a SET plan = 'enterprise' WHERE id = 7`);
    await bed.wh.query(`UPDATE customers_a SET notes = 'unmapped change' WHERE id = 8`);
    await bed.wh.query(`DELETE FROM customers_a WHERE id = 9`);

    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.status).toBe('success');
    expect(second.counts.planned).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(second.counts.succeeded).toEqual({ added: 1, changed: 1, removed: 1 });
    const rows = await targetRows('crm_a');
    expect(rows).toHaveLength(CUSTOMERS);
    expect(rows.find((r) => r.customer_id === 1001)).toMatchObject({ email: 'new@example.com' });
    expect(rows.find((r) => r.customer_id === 7)).toMatchObject({ plan: 'enterprise' });
    expect(rows.find((r) => r.customer_id === 9)).toBeUndefined();

    const third = await bed.worker.runToCompletion(fx.syncId);
    expect(third.counts.planned).toEqual({ added: 0, changed: 0, removed: 0 });

    const { rows: runRows } = await bed.worker.pool.query(
      `SELECT status, query_rows, counts FROM sync_run WHERE sync_id = $1 ORDER BY seq`,
      [fx.syncId],
    );
    expect(runRows.map((r) => r.status)).toEqual(['success', 'success', 'success']);
    expect(runRows[1].query_rows).toBe(CUSTOMERS);
  });

  it('keeps rejected rows pending and sends them again on the next run', async () => {
    await customersTable('customers_b', 20);
    await bed.wh.query(`UPDATE customers_b SET email = NULL WHERE id IN (3, 4)`);
    const fx = await postgresSync('customers_b', 'crm_b');

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('warning');
    expect(first.counts.succeeded.added).toBe(18);
    expect(first.counts.failed.added).toBe(2);
    const { rows: rejected } = await bed.worker.pool.query(
      `SELECT key, reason FROM sync_run_row WHERE run_id = $1 AND status = 'rejected' ORDER BY key`,
      [first.runId],
    );
    expect(rejected.map((r) => r.key)).toEqual(['3', '4']);
    expect(rejected[0].reason).toMatch(/null/i);

    await bed.wh.query(`UPDATE customers_b SET email = 'fixed' || id || '@example.com' WHERE id = 3`);
    const second = await bed.worker.runToCompletion(fx.syncId);
    // 3 was fixed and goes through; 4 is unchanged in the model but was never delivered, so it is sent again
    expect(second.counts.planned).toEqual({ added: 2, changed: 0, removed: 0 });
    expect(second.counts.succeeded.added).toBe(1);
    expect(second.counts.failed.added).toBe(1);
  });

  it('fails a run with a duplicate primary key before sending anything when the sync says so', async () => {
    await customersTable('customers_c', 10);
    await bed.wh.query(`INSERT INTO customers_c VALUES (5, 'dup@example.com', 'free', 'n')`);
    const fx = await postgresSync('customers_c', 'crm_c', 'fail');

    const handle = await bed.worker.startRun(fx.syncId);
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const { rows } = await bed.worker.pool.query(
      `SELECT status, error_code, error_message, error_details FROM sync_run WHERE sync_id = $1`,
      [fx.syncId],
    );
    expect(rows[0]).toMatchObject({ status: 'failed', error_code: 'DUPLICATE_PRIMARY_KEY' });
    expect(rows[0].error_details.sampleKeys).toEqual(['5']);
    expect(rows[0].error_message).toContain('"5"');
    expect(await targetRows('crm_c')).toHaveLength(0);
  });

  it('leaves out rows with a duplicate or null primary key with warnings, and sends the rest', async () => {
    await customersTable('customers_d', 10);
    await bed.wh.query(`INSERT INTO customers_d VALUES (5, 'dup@example.com', 'free', 'n')`);
    await bed.wh.query(`UPDATE customers_d SET id = NULL WHERE id IN (2, 6)`);
    const fx = await postgresSync('customers_d', 'crm_d');

    const result = await bed.worker.runToCompletion(fx.syncId);
    expect(result.status).toBe('warning');
    expect(result.counts.succeeded.added).toBe(7);
    const { rows } = await bed.worker.pool.query(
      `SELECT skipped_rows, warnings FROM sync_run WHERE sync_id = $1`,
      [fx.syncId],
    );
    expect(rows[0].skipped_rows).toBe(4);
    expect(rows[0].warnings).toEqual([
      expect.objectContaining({ code: 'NULL_PRIMARY_KEY', details: { count: 2 } }),
      expect.objectContaining({ code: 'DUPLICATE_PRIMARY_KEY', details: { count: 2, sampleKeys: ['5'] } }),
    ]);
    expect((await targetRows('crm_d')).map((r) => r.customer_id)).toEqual([1, 3, 4, 7, 8, 9, 10]);
  });

  describe('to a webhook', () => {
    let receiver: WebhookEmulator;
    const secret = 'whsec_0123456789abcdef';

    beforeAll(async () => {
      receiver = await startWebhookEmulator({ secret, maxBatchSize: 100 });
    });
    afterAll(async () => receiver?.close());

    it('sends signed batches, then only the changes, and retries a 503 and a 429 with Retry-After', async () => {
      await customersTable('customers_w', 230);
      const fx = await bed.builder.sync({
        source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
        model: { sql: 'SELECT id, email, plan FROM customers_w', primaryKey: 'id' },
        destination: { type: 'webhook', config: { url: receiver.url, secret, batchSize: 100 } },
        sync: { mode: 'mirror', mapping },
      });
      receiver.failNext(1, 503);
      receiver.failNext(1, 429, { retryAfterSeconds: 1 });

      const first = await bed.worker.runToCompletion(fx.syncId);
      expect(first.status).toBe('success');
      expect(first.counts.succeeded.added).toBe(230);
      const records = receiver.records();
      expect(records).toHaveLength(230);
      expect(new Set(records.map((r) => r.key)).size).toBe(230);
      expect(records[0]).toMatchObject({
        op: 'added',
        fields: { customer_id: expect.any(Number), email: expect.any(String) },
      });

      await bed.wh.query(`UPDATE customers_w SET plan = 'pro' WHERE id = 1`);
      await bed.wh.query(`DELETE FROM customers_w WHERE id = 2`);
      const second = await bed.worker.runToCompletion(fx.syncId);
      expect(second.counts.succeeded).toEqual({ added: 0, changed: 1, removed: 1 });
      const latest = receiver.records().slice(230);
      expect(latest.map((r) => [r.op, r.key])).toEqual([
        ['changed', '1'],
        ['removed', '2'],
      ]);
    });
  });
});
