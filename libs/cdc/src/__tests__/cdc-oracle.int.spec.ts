/**
 * Property test: random sequences of inserts, updates (mapped and unmapped columns), deletes and destination
 * rejections. After every run both engines must stage exactly what a naive in-memory oracle expects.
 */
import { createControlPlaneDatabase, createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import fc from 'fast-check';
import { Client, Pool } from 'pg';
import { CdcHarness } from './helpers/cdc-harness';

type Op =
  | { kind: 'insert'; id: number; a: string | null; b: number }
  | { kind: 'update'; id: number; a: string | null }
  | { kind: 'touchUnmapped'; id: number }
  | { kind: 'delete'; id: number };

const value = fc.constantFrom<string | null>(null, '', 'null', 'x', 'y');
const id = fc.integer({ min: 1, max: 12 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), id, a: value, b: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('update' as const), id, a: value }),
  fc.record({ kind: fc.constant('touchUnmapped' as const), id }),
  fc.record({ kind: fc.constant('delete' as const), id }),
);
const step = fc.record({
  ops: fc.array(op, { maxLength: 5 }),
  reject: fc.array(id.map(String), { maxLength: 3 }),
});

type Row = { a: string | null; b: number };
const same = (x: Row, y: Row) => x.a === y.a && x.b === y.b;

function expectedOps(model: Map<number, Row>, delivered: Map<number, Row>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, row] of model) {
    const prev = delivered.get(k);
    if (!prev) out[k] = 'added';
    else if (!same(prev, row)) out[k] = 'changed';
  }
  for (const k of delivered.keys()) if (!model.has(k)) out[k] = 'removed';
  return out;
}

describe('CDC engines agree with an in-memory oracle', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let pool: Pool;
  let wh: Client;
  let table = 0;

  beforeAll(async () => {
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    pool = new Pool({ connectionString: controlPlane.url, max: 4 });
    wh = new Client({ connectionString: warehouse.url });
    await wh.connect();
  });

  afterAll(async () => {
    await wh?.end();
    await pool?.end();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  async function apply(name: string, model: Map<number, Row>, o: Op): Promise<void> {
    if (o.kind === 'insert' && !model.has(o.id)) {
      await wh.query(`INSERT INTO ${name} VALUES ($1, $2, $3, 'n')`, [o.id, o.a, o.b]);
      model.set(o.id, { a: o.a, b: o.b });
    } else if (o.kind === 'update' && model.has(o.id)) {
      await wh.query(`UPDATE ${name} SET a = $2 WHERE id = $1`, [o.id, o.a]);
      model.set(o.id, { ...model.get(o.id)!, a: o.a });
    } else if (o.kind === 'touchUnmapped') {
      await wh.query(`UPDATE ${name} SET unmapped = unmapped || '.' WHERE id = $1`, [o.id]);
    } else if (o.kind === 'delete' && model.has(o.id)) {
      await wh.query(`DELETE FROM ${name} WHERE id = $1`, [o.id]);
      model.delete(o.id);
    }
  }

  it('stages exactly the oracle’s changes after every run, for both engines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const name = `prop_${++table}`;
        await wh.query(`CREATE TABLE ${name} (id int, a text, b int, unmapped text)`);
        const mapping = [
          { from: 'a', to: 'a' },
          { from: 'b', to: 'b' },
        ];
        const engines = [
          new CdcHarness('managed', pool, controlPlane.url, warehouse.url),
          new CdcHarness('in-warehouse', pool, controlPlane.url, warehouse.url),
        ];
        try {
          for (const h of engines) await h.createSync(`SELECT * FROM ${name}`, mapping);
          const model = new Map<number, Row>();
          const delivered = new Map<number, Row>();
          for (const s of steps) {
            for (const o of s.ops) await apply(name, model, o);
            const expected = expectedOps(model, delivered);
            for (const h of engines) {
              const { planned } = await h.run({ reject: s.reject });
              expect({ engine: h.engine, ops: planned.ops }).toEqual({ engine: h.engine, ops: expected });
            }
            for (const [k, op] of Object.entries(expected)) {
              if (s.reject.includes(k)) continue;
              if (op === 'removed') delivered.delete(Number(k));
              else delivered.set(Number(k), model.get(Number(k))!);
            }
          }
        } finally {
          for (const h of engines) await h.close();
        }
      }),
      { numRuns: 25, seed: 20261125 },
    );
  });
});
