/**
 * The CDC semantics, one suite run against both engines (managed and in-warehouse) on real Postgres:
 * what is added / changed / removed, primary-key rules, resetCDC, fullResync, rejected and aborted rows,
 * and value types that must neither collide nor drift between runs.
 */
import { ErrorCode } from '@syncline/errors';
import type { CdcEngine } from '@syncline/domain';
import { createControlPlaneDatabase, createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import { Client, Pool } from 'pg';
import { CdcHarness, ops } from './helpers/cdc-harness';

const mapping = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'score', to: 'score' },
];

describe.each<CdcEngine>(['managed', 'in-warehouse'])('CDC semantics (%s engine)', (engine) => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let pool: Pool;
  let wh: Client;
  let cdc: CdcHarness;
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

  /** A fresh model table with `rows` customers and a sync over it. */
  async function model(rows: number, policy: 'exclude' | 'fail' = 'exclude'): Promise<string> {
    const name = `customers_${++table}`;
    await wh.query(`CREATE TABLE ${name} (id int, email text, score numeric, notes text)`);
    await wh.query(
      `INSERT INTO ${name} SELECT g, 'u' || g || '@x.io', g * 1.5, 'n' FROM generate_series(1, $1) g`,
      [rows],
    );
    await cdc?.close();
    cdc = new CdcHarness(engine, pool, controlPlane.url, warehouse.url);
    await cdc.createSync(`SELECT id, email, score, notes FROM ${name}`, mapping, policy);
    return name;
  }

  it('adds every row on the first run, then stages exactly the inserted, updated and deleted rows', async () => {
    const t = await model(50);
    const first = await cdc.run();
    expect(first.planned.outcome.planned).toEqual(ops(50));
    expect(first.counts.succeeded).toEqual(ops(50));

    await wh.query(`INSERT INTO ${t} VALUES (51, 'new@x.io', 1, 'n')`);
    await wh.query(`UPDATE ${t} SET email = 'changed@x.io' WHERE id = 7`);
    await wh.query(`UPDATE ${t} SET notes = 'not mapped' WHERE id = 8`);
    await wh.query(`DELETE FROM ${t} WHERE id = 9`);
    const second = await cdc.run();
    expect(second.planned.ops).toEqual({ '51': 'added', '7': 'changed', '9': 'removed' });
    expect(second.counts.succeeded).toEqual(ops(1, 1, 1));
    expect(second.planned.changes.find((c) => c.key === '7')?.fields).toMatchObject({
      email: 'changed@x.io',
      customer_id: 7,
    });

    const third = await cdc.run();
    expect(third.planned.outcome.planned).toEqual(ops());
  });

  it('skips null keys and leaves out repeated keys with warnings, without treating them as removed', async () => {
    const t = await model(10);
    await cdc.run();
    await wh.query(`INSERT INTO ${t} VALUES (3, 'again@x.io', 1, 'n'), (NULL, 'nokey@x.io', 1, 'n')`);
    const { planned } = await cdc.run();
    expect(planned.ops).toEqual({});
    expect(planned.outcome.skippedRows).toBe(3);
    expect(planned.outcome.warnings.map((w) => [w.code, w.details])).toEqual([
      [ErrorCode.NullPrimaryKey, { count: 1 }],
      [ErrorCode.DuplicatePrimaryKey, { count: 2, sampleKeys: ['3'] }],
    ]);
  });

  it('fails before staging anything on a repeated key when the sync asks for it', async () => {
    const t = await model(5, 'fail');
    await wh.query(`INSERT INTO ${t} VALUES (2, 'dup@x.io', 1, 'n')`);
    await expect(cdc.plan()).rejects.toMatchObject({
      code: ErrorCode.DuplicatePrimaryKey,
      details: { sampleKeys: ['2'] },
    });
  });

  it('resetCDC marks the current result delivered without staging anything', async () => {
    const t = await model(20);
    const reset = await cdc.run({ resetCDC: true });
    expect(reset.planned.ops).toEqual({});
    await wh.query(`UPDATE ${t} SET score = 0 WHERE id = 4`);
    await wh.query(`DELETE FROM ${t} WHERE id = 5`);
    const next = await cdc.run();
    expect(next.planned.ops).toEqual({ '4': 'changed', '5': 'removed' });
  });

  it('fullResync sends every current row as added and ignores removals', async () => {
    const t = await model(12);
    await cdc.run();
    await wh.query(`DELETE FROM ${t} WHERE id = 1`);
    const full = await cdc.run({ fullResync: true });
    expect(full.planned.outcome.planned).toEqual(ops(11));
    expect(Object.values(full.planned.ops).every((op) => op === 'added')).toBe(true);
  });

  it('sends rejected rows again on the next run even if unchanged', async () => {
    const t = await model(6);
    const first = await cdc.run({ reject: ['2', '3'] });
    expect(first.counts.failed).toEqual(ops(2));
    await wh.query(`UPDATE ${t} SET email = 'x@x.io' WHERE id = 1`);
    const second = await cdc.run({ reject: ['3'] });
    expect(second.planned.ops).toEqual({ '2': 'added', '3': 'added', '1': 'changed' });
    const third = await cdc.run();
    expect(third.planned.ops).toEqual({ '3': 'added' });
  });

  it('reports rows never attempted as aborted and sends them on the next run', async () => {
    await model(10);
    const planned = await cdc.plan();
    await cdc.deliver(planned, { attempt: 4 });
    const counts = await cdc.commit(planned);
    expect(counts.succeeded).toEqual(ops(4));
    expect(counts.aborted).toEqual(ops(6));
    const next = await cdc.run();
    const unattempted = planned.changes.slice(4).map((c) => c.key);
    expect(Object.keys(next.planned.ops).sort()).toEqual(unattempted.sort());
    expect(unattempted).toHaveLength(6);
  });

  it('delivers template and nested fields, and sees a change in a column only a template reads', async () => {
    const t = await model(5);
    await cdc?.close();
    cdc = new CdcHarness(engine, pool, controlPlane.url, warehouse.url);
    await cdc.createSync(`SELECT id, email, score, notes FROM ${t}`, [
      { from: 'id', to: 'customer_id' },
      { template: '{{ row.email | upcase }} ({{ row.notes | default: "none" }})', to: 'label' },
      { from: 'email', to: 'contact.email' },
      { static: 'warehouse', to: 'contact.origin' },
    ]);
    const first = await cdc.run();
    expect(first.planned.outcome.planned).toEqual(ops(5));
    expect(first.planned.changes.find((c) => c.key === '2')?.fields).toEqual({
      customer_id: 2,
      label: 'U2@X.IO (n)',
      contact: { email: 'u2@x.io', origin: 'warehouse' },
    });
    expect((await cdc.run()).planned.ops).toEqual({});

    await wh.query(`UPDATE ${t} SET notes = NULL WHERE id = 3`);
    const second = await cdc.run();
    expect(second.planned.ops).toEqual({ '3': 'changed' });
    expect(second.planned.changes[0]?.fields).toMatchObject({ label: 'U3@X.IO (none)' });
    expect((await cdc.run()).planned.ops).toEqual({});
  });

  it('nests dotted fields of a mapping without templates and keeps its hashes stable', async () => {
    const t = await model(4);
    await cdc?.close();
    cdc = new CdcHarness(engine, pool, controlPlane.url, warehouse.url);
    await cdc.createSync(`SELECT id, email, score, notes FROM ${t}`, [
      { from: 'id', to: 'customer_id' },
      { from: 'email', to: 'contact.email' },
      { static: { tier: 1 }, to: 'contact.segment' },
    ]);
    const first = await cdc.run();
    expect(first.planned.changes.find((c) => c.key === '1')?.fields).toEqual({
      customer_id: 1,
      contact: { email: 'u1@x.io', segment: { tier: 1 } },
    });
    await wh.query(`UPDATE ${t} SET notes = 'not mapped' WHERE id = 1`);
    await wh.query(`UPDATE ${t} SET email = 'moved@x.io' WHERE id = 2`);
    const second = await cdc.run();
    expect(second.planned.ops).toEqual({ '2': 'changed' });
    expect(second.planned.changes[0]?.fields).toMatchObject({ contact: { email: 'moved@x.io' } });
  });

  it('tells NULL, empty and "null" strings apart and keeps numbers and timestamps stable across runs', async () => {
    const name = `types_${++table}`;
    await wh.query(`CREATE TABLE ${name} (id text, v text, n numeric(10,2), t timestamptz, j jsonb)`);
    await wh.query(`INSERT INTO ${name} VALUES
      ('a', NULL, 1.50, '2026-01-01T10:00:00+02:00', '{"b":1,"a":[1,2]}'),
      ('b', '', 2, '2026-06-01T00:00:00Z', 'null'),
      ('c', 'null', 0.1, NULL, '[]'),
      ('ü-🔑', 'unicode', -0.00, now(), '{}')`);
    await cdc?.close();
    cdc = new CdcHarness(engine, pool, controlPlane.url, warehouse.url);
    await cdc.createSync(`SELECT * FROM ${name}`, [
      { from: 'v', to: 'v' },
      { from: 'n', to: 'n' },
      { from: 't', to: 't' },
      { from: 'j', to: 'j' },
    ]);
    expect((await cdc.run()).planned.outcome.planned).toEqual(ops(4));
    expect((await cdc.run()).planned.ops).toEqual({});

    await wh.query(`UPDATE ${name} SET v = '' WHERE id = 'a'`);
    await wh.query(`UPDATE ${name} SET v = 'null' WHERE id = 'b'`);
    await wh.query(`UPDATE ${name} SET v = NULL WHERE id = 'c'`);
    await wh.query(`UPDATE ${name} SET n = 1.5 WHERE id = 'a'`);
    const changed = await cdc.run();
    expect(changed.planned.ops).toEqual({ a: 'changed', b: 'changed', c: 'changed' });
    expect((await cdc.run()).planned.ops).toEqual({});
  });
});
