/**
 * Property-based: random condition trees over the fixture (AND / OR / NOT to depth 3, properties, relations
 * with counts and nested conditions, events with windows) compiled for Postgres and DuckDB return exactly
 * the members an in-memory evaluator of the same tree finds.
 */
import fc from 'fast-check';
import { compileAudienceSql, type Condition, type CompileInput } from '../index';
import { members } from './helpers/evaluator';
import { fixtureData } from './helpers/fixture-data';
import { fixtureInput, M, R } from './helpers/fixture-schema';
import { fixtureStatements, type EngineName } from './helpers/fixture-seed';
import { ids, startEngine, type TestEngine } from './helpers/test-engines';

const property: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('plan'),
    operator: fc.constantFrom('equals' as const, 'not_equals' as const),
    value: fc.constantFrom('free', 'pro', 'enterprise'),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('plan'),
    operator: fc.constantFrom('in' as const, 'not_in' as const),
    value: fc.subarray(['free', 'pro', 'enterprise'], { minLength: 1 }),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('age'),
    operator: fc.constantFrom('lt' as const, 'gte' as const, 'equals' as const, 'not_equals' as const),
    value: fc.integer({ min: 15, max: 80 }),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constantFrom('age', 'plan', 'vip', 'tags'),
    operator: fc.constantFrom('is_null' as const, 'is_not_null' as const),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('vip'),
    operator: fc.constantFrom('is_true' as const, 'is_false' as const),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('name'),
    operator: fc.constantFrom('contains' as const, 'starts_with' as const, 'not_contains' as const),
    value: fc.constantFrom('a', 'an', 'Ed', "O'", 'x'),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('score'),
    operator: fc.constantFrom('gte' as const, 'lt' as const),
    value: fc.constantFrom('12.50', '50', '100.00'),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('tags'),
    operator: fc.constantFrom('contains_any' as const, 'contains_all' as const),
    value: fc.subarray(['vip', 'beta', 'newsletter'], { minLength: 1 }),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('signed_up_at'),
    operator: fc.constantFrom('within_last_days' as const, 'more_than_days_ago' as const),
    value: fc.integer({ min: 1, max: 90 }),
  }),
) as fc.Arbitrary<Condition>;

const count = fc.option(
  fc.record({
    operator: fc.constantFrom('at_least' as const, 'at_most' as const, 'exactly' as const),
    value: fc.integer({ min: 0, max: 3 }),
  }),
  { nil: undefined },
);
const not = fc.option(fc.boolean(), { nil: undefined });

const purchaseProperty: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('category'),
    operator: fc.constantFrom('equals' as const, 'not_equals' as const),
    value: fc.constantFrom('books', 'games', 'music'),
  }),
  fc.record({
    type: fc.constant('property' as const),
    column: fc.constant('amount'),
    operator: fc.constantFrom('gt' as const, 'lte' as const),
    value: fc.integer({ min: 10, max: 100 }),
  }),
) as fc.Arbitrary<Condition>;

const relation: fc.Arbitrary<Condition> = fc.record({
  type: fc.constant('relation' as const),
  relationshipId: fc.constant(R.purchases),
  count,
  conditions: fc.option(fc.array(purchaseProperty, { maxLength: 2 }), { nil: undefined }),
  not,
}) as fc.Arbitrary<Condition>;

const event: fc.Arbitrary<Condition> = fc.record({
  type: fc.constant('event' as const),
  relationshipId: fc.constant(R.events),
  eventType: fc.option(fc.constantFrom('page_view', 'purchase'), { nil: undefined }),
  count,
  window: fc.option(
    fc.record({ type: fc.constant('within_last_days' as const), days: fc.integer({ min: 1, max: 45 }) }),
    { nil: undefined },
  ),
  conditions: fc.option(
    fc.array(
      fc
        .record({
          type: fc.constant('property' as const),
          column: fc.constant('page'),
          operator: fc.constantFrom('equals' as const, 'is_null' as const, 'not_equals' as const),
          value: fc.constant('/docs'),
        })
        .map((c) => (c.operator === 'is_null' ? { ...c, value: undefined } : c)) as fc.Arbitrary<Condition>,
      { maxLength: 1 },
    ),
    { nil: undefined },
  ),
  not,
}) as fc.Arbitrary<Condition>;

const withNot = (leaf: fc.Arbitrary<Condition>) =>
  fc.tuple(leaf, fc.boolean()).map(([c, n]) => (n ? { ...c, not: true } : c));

const { tree } = fc.letrec<{ tree: Condition; node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    withNot(property),
    relation,
    event,
    tie('tree'),
  ),
  tree: fc.record({
    type: fc.constantFrom('and' as const, 'or' as const),
    not,
    conditions: fc.array(tie('node'), { maxLength: 3 }),
  }) as fc.Arbitrary<Condition>,
}));

const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

for (const engineName of ['postgres', 'duckdb'] as EngineName[]) {
  describe(`random condition trees on ${engineName}`, () => {
    const data = fixtureData();
    let engine: TestEngine;
    let input: CompileInput;

    beforeAll(async () => {
      engine = await startEngine(engineName, fixtureStatements(engineName, data));
      input = await fixtureInput(engine);
    }, 120_000);
    afterAll(() => engine?.close());

    it('agree with the in-memory evaluator', async () => {
      await fc.assert(
        fc.asyncProperty(tree, async (root) => {
          const group = clean(root) as Extract<Condition, { type: 'and' | 'or' }>;
          const sql = compileAudienceSql(
            {
              id: 'prop',
              name: 'prop',
              parentModelId: M.users,
              conditions: { version: 1, type: group.type, not: group.not, conditions: group.conditions },
            },
            input,
          );
          const expected = members(group, data);
          expect(await ids(engine, sql)).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    });
  });
}
