/**
 * deliveredFields for destinations billed per attribute (keepDeliveredFields), on real Postgres: the managed
 * engine stages, for each changed row, the fields of the last ACCEPTED delivery of its key, and stores
 * nothing more for syncs that do not ask. The in-warehouse engine keeps hashes only and never stages them.
 */
import type { CdcEngine } from '@syncline/domain';
import { createControlPlaneDatabase, createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import { Client, Pool } from 'pg';
import { CdcHarness, type PlannedRun } from './helpers/cdc-harness';

const mapping = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'score', to: 'score' },
];

/** The mapped fields of customer `id` as the model table below creates it. */
const customer = (id: number, email = `u${id}@x.io`) => ({ customer_id: id, email, score: id * 2 });

const change = (run: PlannedRun, key: string) => run.changes.find((c) => c.key === key);

describe('delivered fields (keepDeliveredFields)', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let pool: Pool;
  let wh: Client;
  let cdc: CdcHarness | undefined;
  let table = 0;

  beforeAll(async () => {
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    pool = new Pool({ connectionString: controlPlane.url, max: 4 });
    wh = new Client({ connectionString: warehouse.url });
    await wh.connect();
  });

  afterAll(async () => {
    await cdc?.close();
    await wh?.end();
    await pool?.end();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  /** A fresh model table with `rows` customers and a sync over it on `engine`; returns the table name. */
  async function model(
    rows: number,
    engine: CdcEngine = 'managed',
  ): Promise<{ t: string; sync: CdcHarness }> {
    const t = `customers_${++table}`;
    await wh.query(`CREATE TABLE ${t} (id int, email text, score int)`);
    await wh.query(`INSERT INTO ${t} SELECT g, 'u' || g || '@x.io', g * 2 FROM generate_series(1, $1) g`, [
      rows,
    ]);
    await cdc?.close();
    const sync = new CdcHarness(engine, pool, controlPlane.url, warehouse.url);
    cdc = sync;
    await sync.createSync(`SELECT id, email, score FROM ${t}`, mapping);
    return { t, sync };
  }

  async function storedPayloads(syncId: string): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM cdc_state WHERE sync_id = $1 AND payload IS NOT NULL',
      [syncId],
    );
    return Number(rows[0]?.n);
  }

  it('stages the fields of the last accepted delivery with each changed row; a rejection does not advance them', async () => {
    const { t, sync } = await model(5);
    const keep = { keepDeliveredFields: true };
    const first = await sync.run(keep);
    expect(first.planned.changes.every((c) => c.deliveredFields === undefined)).toBe(true);
    expect(await storedPayloads(sync.syncId)).toBe(5);

    await wh.query(`UPDATE ${t} SET email = 'second@x.io' WHERE id = 2`);
    const rejected = await sync.run({ ...keep, reject: ['2'] });
    expect(rejected.planned.ops).toEqual({ '2': 'changed' });
    expect(change(rejected.planned, '2')).toMatchObject({
      fields: customer(2, 'second@x.io'),
      deliveredFields: customer(2),
    });

    await wh.query(`UPDATE ${t} SET email = 'third@x.io' WHERE id = 2`);
    const accepted = await sync.run(keep);
    expect(change(accepted.planned, '2')).toMatchObject({
      fields: customer(2, 'third@x.io'),
      deliveredFields: customer(2),
    });

    await wh.query(`UPDATE ${t} SET score = 99 WHERE id = 2`);
    await wh.query(`DELETE FROM ${t} WHERE id = 3`);
    await wh.query(`INSERT INTO ${t} VALUES (6, 'u6@x.io', 12)`);
    const next = await sync.run(keep);
    expect(next.planned.ops).toEqual({ '6': 'added', '2': 'changed', '3': 'removed' });
    expect(change(next.planned, '2')?.deliveredFields).toEqual(customer(2, 'third@x.io'));
    expect(change(next.planned, '6')?.deliveredFields).toBeUndefined();
    expect(change(next.planned, '3')?.deliveredFields).toBeUndefined();
    // Kept for every delivered key, and gone with the removed one.
    expect(await storedPayloads(sync.syncId)).toBe(5);
  });

  it('stores no payload and stages no previous fields without the flag', async () => {
    const { t, sync } = await model(4);
    await sync.run();
    await wh.query(`UPDATE ${t} SET email = 'moved@x.io' WHERE id = 1`);
    const planned = await sync.plan();
    expect(planned.ops).toEqual({ '1': 'changed' });
    expect(change(planned, '1')?.deliveredFields).toBeUndefined();
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM cdc_change
        WHERE run_id = $1 AND (previous_payload IS NOT NULL OR keep_payload IS NOT NULL)`,
      [planned.runId],
    );
    expect(Number(rows[0]?.n)).toBe(0);
    await sync.deliver(planned);
    await sync.commit(planned);
    expect(await storedPayloads(sync.syncId)).toBe(0);
  });

  it('sends every field for keys delivered before the sync kept fields, then only from their next delivery', async () => {
    const { t, sync } = await model(3);
    await sync.run();
    await wh.query(`UPDATE ${t} SET email = 'a@x.io' WHERE id = 1`);
    const firstKept = await sync.run({ keepDeliveredFields: true });
    expect(change(firstKept.planned, '1')?.deliveredFields).toBeUndefined();
    // Only the key delivered since holds fields; the unchanged ones have none until they change.
    expect(await storedPayloads(sync.syncId)).toBe(1);

    await wh.query(`UPDATE ${t} SET email = 'b@x.io' WHERE id = 1`);
    const secondKept = await sync.run({ keepDeliveredFields: true });
    expect(change(secondKept.planned, '1')?.deliveredFields).toEqual(customer(1, 'a@x.io'));
  });

  it('drops the kept fields of a key delivered without the flag, so they never outlive their hash', async () => {
    const { t, sync } = await model(2);
    await sync.run({ keepDeliveredFields: true });
    await wh.query(`UPDATE ${t} SET email = 'off@x.io' WHERE id = 1`);
    await sync.run();
    expect(await storedPayloads(sync.syncId)).toBe(1);
    await wh.query(`UPDATE ${t} SET email = 'on@x.io' WHERE id = 1`);
    const back = await sync.run({ keepDeliveredFields: true });
    expect(change(back.planned, '1')?.deliveredFields).toBeUndefined();
  });

  it('keeps the fields of the current result on resetCDC', async () => {
    const { t, sync } = await model(3);
    await sync.run({ resetCDC: true, keepDeliveredFields: true });
    expect(await storedPayloads(sync.syncId)).toBe(3);
    await wh.query(`UPDATE ${t} SET score = 0 WHERE id = 3`);
    const next = await sync.run({ keepDeliveredFields: true });
    expect(change(next.planned, '3')).toMatchObject({
      fields: { ...customer(3), score: 0 },
      deliveredFields: customer(3),
    });
  });

  it('never stages previous fields on the in-warehouse engine, which keeps hashes only', async () => {
    const { t, sync } = await model(3, 'in-warehouse');
    await sync.run({ keepDeliveredFields: true });
    await wh.query(`UPDATE ${t} SET email = 'wh@x.io' WHERE id = 2`);
    const second = await sync.run({ keepDeliveredFields: true });
    expect(second.planned.ops).toEqual({ '2': 'changed' });
    expect(change(second.planned, '2')?.deliveredFields).toBeUndefined();
    expect(second.counts.succeeded).toEqual({ added: 0, changed: 1, removed: 0 });
  });
});
