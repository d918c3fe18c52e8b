/**
 * The shared dialect suite: one real engine, the fixture, and for every case the compiled audience must
 * return exactly the members of the hand-written query. Then insights, splits and the injection corpus on
 * the same engine. Each engine's spec file plugs in its name.
 */
import { createHash } from 'node:crypto';
import { ErrorCode } from '@syncline/errors';
import {
  audienceDialect,
  breakdownSql,
  buildSchema,
  compileAudienceSql,
  countSql,
  funnelSql,
  overlapSql,
  sampleSql,
  type AudienceSpec,
  type CompileInput,
  type Condition,
} from '../../index';
import { dialectCases, handContext, MEMBERSHIP_AUDIENCES } from './dialect-cases';
import { fixtureData } from './fixture-data';
import { fixtureInput, M } from './fixture-schema';
import { fixtureStatements, literal, type EngineName } from './fixture-seed';
import { INJECTION_NAMES, injectionValues } from './injection-corpus';
import { ids, readAll, startEngine, type TestEngine } from './test-engines';

const spec = (
  conditions: Condition[],
  match: 'and' | 'or' = 'and',
  extra: Partial<AudienceSpec> = {},
): AudienceSpec => ({
  id: '8f0b6a52-5d1e-4c8a-9d0e-3c2f1a0b9e77',
  name: 'Test audience',
  parentModelId: M.users,
  conditions: { version: 1, type: match, conditions },
  ...extra,
});

export function describeDialectSuite(engineName: EngineName): void {
  const data = fixtureData();
  const INJECTION_VALUES = injectionValues(engineName);
  let engine: TestEngine;
  let input: CompileInput;

  beforeAll(async () => {
    const names = INJECTION_VALUES.map((v, i) => `SELECT ${i + 1} AS id, ${literal(engineName, v)} AS name`);
    engine = await startEngine(engineName, [
      ...fixtureStatements(engineName, data),
      'CREATE TABLE names (id integer, name varchar(200))',
      `INSERT INTO names ${names.join(' UNION ALL ')}`,
    ]);
    input = await fixtureInput(engine, MEMBERSHIP_AUDIENCES(engine.id));
  }, 120_000);

  afterAll(() => engine?.close());

  const h = () => handContext(engineName, data, engine.id);
  const quote = (n: string) => input.dialect.ident(n);
  // Only the key (and the split group) of the audience model: fakesnow cannot return joined timestamp columns.
  const members = (sql: string) => ids(engine, `SELECT a.${quote(engine.id('id'))} FROM (${sql}) a`);

  describe(`${engineName}: every condition type and operator matches a hand-written query`, () => {
    for (const c of dialectCases((n) => (engineName === 'snowflake' ? n.toUpperCase() : n), data)) {
      it(c.name, async () => {
        if (engineName === 'snowflake' && c.snowflakeSql) {
          expect(compileAudienceSql(spec(c.conditions, c.match), input)).toContain(c.snowflakeSql);
          return;
        }
        const expected = await ids(engine, c.hand(h()));
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(data.users.length);
        const sql = compileAudienceSql(spec(c.conditions, c.match), input);
        expect(await members(sql)).toEqual(expected);
      });
    }
  });

  describe(`${engineName}: insights`, () => {
    const id = (n: string) => (engineName === 'snowflake' ? n.toUpperCase() : n);
    const audience = () =>
      spec([
        { type: 'property', column: id('age'), operator: 'is_not_null' },
        { type: 'relation', relationshipId: 'rel-purchases' },
        { type: 'event', relationshipId: 'rel-events', eventType: 'page_view' },
      ]);

    it('counts members and the funnel after each top-level condition', async () => {
      const [count] = (await readAll(engine, countSql(audience(), input))).rows;
      const [funnel] = (await readAll(engine, funnelSql(audience(), input))).rows;
      const n = (row: Record<string, unknown> | undefined, k: string) =>
        Number(row?.[k] ?? row?.[k.toUpperCase()]);
      const step1 = await ids(engine, 'SELECT id FROM users WHERE age IS NOT NULL');
      const step2 = await ids(
        engine,
        'SELECT id FROM users WHERE age IS NOT NULL AND id IN (SELECT user_id FROM purchases)',
      );
      const size = await ids(
        engine,
        `SELECT id FROM users WHERE age IS NOT NULL AND id IN (SELECT user_id FROM purchases) AND id IN (SELECT user_id FROM events WHERE event_type = 'page_view')`,
      );
      expect(n(funnel, 'total')).toBe(data.users.length);
      expect([n(funnel, 'step1'), n(funnel, 'step2'), n(funnel, 'step3')]).toEqual([
        step1.length,
        step2.length,
        size.length,
      ]);
      expect(n(funnel, 'size')).toBe(size.length);
      expect(n(count, 'n')).toBe(size.length);
      expect(size.length).toBeGreaterThan(0);
    });

    it('samples members with traits and the split group, never a redacted column', async () => {
      const s = spec([{ type: 'relation', relationshipId: 'rel-purchases' }], 'and', {
        splits: [
          { name: 'A', percent: 50 },
          { name: 'B', percent: 50 },
        ],
      });
      // signed_up_at is left out too: fakesnow cannot return a timestamp column of a joined query.
      const { columns, rows } = await readAll(
        engine,
        sampleSql(s, input, [id('email'), id('signed_up_at')], 5),
      );
      const names = columns.map((c) => c.name);
      expect(names).not.toContain(id('email'));
      expect(names).toEqual(
        expect.arrayContaining([id('name'), 'purchase_count', 'total_spent', 'split_group']),
      );
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        const userId = Number(row[id('id')]);
        const expected = data.purchases.filter((p) => p.userId === userId).length;
        expect(Number(row.purchase_count)).toBe(expected);
        expect(JSON.stringify(row)).not.toContain('@example.com');
      }
    });

    it('breaks members down by a column, a trait and the split group', async () => {
      const byPlan = (await readAll(engine, breakdownSql(audience(), input, id('plan')))).rows;
      const expected = await readAll(
        engine,
        `SELECT plan, COUNT(*) AS n FROM users WHERE age IS NOT NULL AND id IN (SELECT user_id FROM purchases) AND id IN (SELECT user_id FROM events WHERE event_type = 'page_view') GROUP BY plan`,
      );
      const norm = (rows: Record<string, unknown>[]) =>
        rows.map((r) => `${String(Object.values(r)[0])}=${Number(Object.values(r)[1])}`).sort();
      expect(norm(byPlan)).toEqual(norm(expected.rows));
      const byTrait = (await readAll(engine, breakdownSql(audience(), input, 'purchase_count'))).rows;
      expect(byTrait.reduce((sum, r) => sum + Number(Object.values(r)[1]), 0)).toBe(
        norm(expected.rows).reduce((sum, r) => sum + Number(r.split('=')[1]), 0),
      );
    });

    it('sizes the overlap of two audiences', async () => {
      const a = spec([{ type: 'property', column: id('plan'), operator: 'in', value: ['pro', 'free'] }]);
      const b = { ...spec([{ type: 'relation', relationshipId: 'rel-purchases' }]), id: 'other' };
      const [row] = (await readAll(engine, overlapSql(a, b, input))).rows;
      const inA = await ids(engine, `SELECT id FROM users WHERE plan IN ('pro', 'free')`);
      const inB = await ids(engine, 'SELECT id FROM users WHERE id IN (SELECT user_id FROM purchases)');
      const both = inA.filter((x) => inB.includes(x));
      const v = (k: string) => Number(row?.[k] ?? row?.[k.toUpperCase()]);
      expect([v('a_only'), v('b_only'), v('both')]).toEqual([
        inA.length - both.length,
        inB.length - both.length,
        both.length,
      ]);
    });

    it('assigns split groups by md5 of the salted key, the same as the control plane computes', async () => {
      const groups = [
        { name: 'treatment', percent: 33.33 },
        { name: 'control', percent: 33.33 },
        { name: 'holdout', percent: 33.34, holdout: true },
      ];
      const s = spec([], 'and', { splits: groups });
      const sql = compileAudienceSql(s, input);
      const { rows } = await readAll(
        engine,
        `SELECT a.${quote(id('id'))}, a.${quote('split_group')} FROM (${sql}) a`,
      );
      expect(rows).toHaveLength(data.users.length);
      const bounds = [3333, 6666, 10000];
      for (const row of rows) {
        const key = String(row[id('id')]);
        const bucket =
          parseInt(createHash('md5').update(`${s.id}:${key}`).digest('hex').slice(0, 8), 16) % 10000;
        expect(row.split_group).toBe(groups[bounds.findIndex((b) => bucket < b)]!.name);
      }
      expect(new Set(rows.map((r) => r.split_group)).size).toBeGreaterThan(1);
    });
  });

  describe(`${engineName}: injection corpus`, () => {
    const namesInput = async (): Promise<CompileInput> => {
      const { columns } = await readAll(engine, 'SELECT * FROM names LIMIT 1');
      const parent = {
        modelId: 'm-names',
        name: 'names',
        sourceId: 'src',
        role: 'parent' as const,
        sql: 'SELECT * FROM names',
        primaryKey: engine.id('id'),
        columns,
      };
      return {
        dialect: audienceDialect(engine.sourceType),
        schema: buildSchema([parent], []),
        traits: new Map(),
        audiences: new Map(),
      };
    };
    const names = (conditions: Condition[]): AudienceSpec => ({
      ...spec(conditions),
      parentModelId: 'm-names',
    });
    const caseInsensitive = engineName === 'mysql';
    const same = (a: string, b: string) => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);

    it('selects exactly the rows holding each value, with the value only ever inside one literal', async () => {
      const nInput = await namesInput();
      const d = nInput.dialect;
      const template = compileAudienceSql(
        names([{ type: 'property', column: engine.id('name'), operator: 'equals', value: 'placeholder' }]),
        nInput,
      ).replace(d.string('placeholder'), '?');
      for (const value of INJECTION_VALUES) {
        const sql = compileAudienceSql(
          names([{ type: 'property', column: engine.id('name'), operator: 'equals', value }]),
          nInput,
        );
        expect(sql.replace(d.string(value), '?')).toBe(template);
        const expected = INJECTION_VALUES.flatMap((v, i) => (same(v, value) ? [i + 1] : []));
        // MySQL ignores trailing spaces and compares with its collation; the corpus has neither issue.
        expect({ value, ids: await members(sql) }).toEqual({ value, ids: expected });
      }
    });

    it('matches contains, starts with and ends with literally (no wildcards, no escapes)', async () => {
      const nInput = await namesInput();
      for (const value of INJECTION_VALUES.filter((v) => v.length > 0)) {
        for (const [operator, test] of [
          ['contains', (s: string) => s.includes(value)],
          ['starts_with', (s: string) => s.startsWith(value)],
          ['ends_with', (s: string) => s.endsWith(value)],
        ] as const) {
          const sql = compileAudienceSql(
            names([{ type: 'property', column: engine.id('name'), operator, value }]),
            nInput,
          );
          const expected = INJECTION_VALUES.flatMap((v, i) => (test(v) ? [i + 1] : []));
          expect({ value, operator, ids: await members(sql) }).toEqual({
            value,
            operator,
            ids: expected,
          });
        }
      }
      const inSql = compileAudienceSql(
        names([
          {
            type: 'property',
            column: engine.id('name'),
            operator: 'in',
            value: INJECTION_VALUES.slice(0, 5),
          },
        ]),
        nInput,
      );
      expect(await members(inSql)).toEqual([1, 2, 3, 4, 5]);
    });

    it('refuses every injected name, relationship, trait and audience id with the node path', async () => {
      const nInput = await namesInput();
      for (const column of INJECTION_NAMES) {
        expect(() =>
          compileAudienceSql(names([{ type: 'property', column, operator: 'is_null' }]), nInput),
        ).toThrow(
          expect.objectContaining({
            code: ErrorCode.InvalidAudience,
            message: expect.stringContaining('conditions[0].column'),
          }),
        );
      }
      for (const bad of INJECTION_NAMES) {
        expect(() => compileAudienceSql(names([{ type: 'relation', relationshipId: bad }]), nInput)).toThrow(
          /conditions\[0\]\.relationshipId/,
        );
        expect(() =>
          compileAudienceSql(names([{ type: 'trait', traitId: bad, operator: 'is_null' }]), nInput),
        ).toThrow(/conditions\[0\]\.traitId/);
        expect(() => compileAudienceSql(names([{ type: 'audience', audienceId: bad }]), nInput)).toThrow(
          /conditions\[0\]\.audienceId/,
        );
      }
      expect(() =>
        compileAudienceSql(
          names([
            { type: 'property', column: engine.id('name'), operator: 'equals', value: 'nul\u0000byte' },
          ]),
          nInput,
        ),
      ).toThrow(/must not contain NUL/);
    });

    it('keeps injected event names and split group names inside literals', async () => {
      const sql = compileAudienceSql(
        spec([{ type: 'event', relationshipId: 'rel-events', eventType: "page_view' OR 1=1 --" }], 'and', {
          splits: [
            { name: "a' OR 1=1 --", percent: 50 },
            { name: "b\\'; DROP TABLE users; --", percent: 50 },
          ],
        }),
        input,
      );
      expect(await members(sql)).toEqual([]);
      const all = compileAudienceSql(
        spec([], 'and', {
          splits: [
            { name: "a' OR 1=1 --", percent: 50 },
            { name: "b\\'; --", percent: 50 },
          ],
        }),
        input,
      );
      const { rows } = await readAll(engine, `SELECT a.${quote('split_group')} FROM (${all}) a`);
      expect(new Set(rows.map((r) => r.split_group))).toEqual(new Set(["a' OR 1=1 --", "b\\'; --"]));
    });
  });
}
