/** The compiler's refusals: every problem of a definition comes back at once, each with its node path. */
import { ErrorCode } from '@syncline/errors';
import { compileAudienceSql, parseConditionTree, type Condition } from '../index';
import { unitInput } from './helpers/unit-schema';

const compile = (conditions: Condition[], type: 'and' | 'or' = 'and') =>
  compileAudienceSql({ id: 'a', name: 'A', parentModelId: 'users', conditions: { version: 1, type, conditions } }, unitInput());

const problems = (fn: () => unknown): { path: string; message: string }[] => {
  try {
    fn();
  } catch (err) {
    expect(err).toMatchObject({ code: ErrorCode.InvalidAudience });
    return (err as { details: { problems: { path: string; message: string }[] } }).details.problems;
  }
  throw new Error('expected a refusal');
};

describe('audience definitions that are refused', () => {
  it('names the node path of an operator invalid for the column type', () => {
    expect(
      problems(() =>
        compile([
          { type: 'property', column: 'name', operator: 'equals', value: 'x' },
          { type: 'or', conditions: [{ type: 'property', column: 'age', operator: 'contains', value: '3' }] },
        ]),
      ),
    ).toEqual([{ path: 'conditions[1].conditions[0].operator', message: "'contains' is not valid for a number column" }]);
  });

  it('reports every problem at once: unknown column, bad value, unknown relationship, reversed range', () => {
    expect(
      problems(() =>
        compile([
          { type: 'property', column: 'nmae', operator: 'is_null' },
          { type: 'property', column: 'age', operator: 'gt', value: 'old' },
          { type: 'relation', relationshipId: 'nope' },
          { type: 'property', column: 'age', operator: 'between', value: [50, 20] },
          { type: 'property', column: 'signed_up_at', operator: 'on', value: '2024-02-30' },
          { type: 'event', relationshipId: 'ev', eventType: 'x' },
        ]),
      ),
    ).toEqual([
      { path: 'conditions[0].column', message: 'users has no column "nmae" (columns: id, name, age, signed_up_at)' },
      { path: 'conditions[1].value', message: 'must be a number' },
      { path: 'conditions[2].relationshipId', message: 'no relationship nope in the schema' },
      { path: 'conditions[3].value', message: 'the first value must not be after the second' },
      { path: 'conditions[4].value', message: 'must be a date as YYYY-MM-DD' },
      { path: 'conditions[5].eventType', message: 'events has no event type' },
    ]);
  });

  it('refuses shapes that are not condition trees, with paths', () => {
    expect(problems(() => parseConditionTree({ version: 1, type: 'and', conditions: [{ type: 'relation' }, { type: 'x' }] }))).toEqual([
      { path: 'conditions[0].relationshipId', message: expect.stringContaining('expected string') },
      { path: 'conditions[1].type', message: expect.stringContaining('must be one of and, or, property') },
    ]);
    expect(problems(() => parseConditionTree({ version: 1, type: 'and', conditions: [], extra: 1 }))).toEqual([
      { path: '', message: 'unknown field(s) extra' },
    ]);
  });
});

describe('compiled SQL', () => {
  it('pushes NOT down to the leaves: a negated relation is an anti-join, a negated comparison keeps unknowns', () => {
    const sql = compile([
      { type: 'event', relationshipId: 'ev', not: true },
      { type: 'property', column: 'age', operator: 'gt', value: 40, not: true },
    ]);
    expect(sql).toMatch(/LEFT JOIN \(SELECT r1\."user_id" AS "k1" FROM \(SELECT \* FROM events\) r1 WHERE r1\."user_id" IS NOT NULL GROUP BY r1\."user_id"\) k2 ON k2\."k1" = p\."id"/);
    expect(sql).toContain('WHERE (k2."k1" IS NULL AND NOT COALESCE(p."age" > 40, FALSE))');
  });

  it('compiles relative windows against the warehouse clock, in the column’s time kind', () => {
    const sql = compile([
      { type: 'property', column: 'signed_up_at', operator: 'within_last_days', value: 7 },
      { type: 'event', relationshipId: 'ev', window: { type: 'within_last_days', days: 3 } },
    ]);
    expect(sql).toContain(`(p."signed_up_at" >= (CURRENT_TIMESTAMP + INTERVAL '-7 days') AND p."signed_up_at" <= CURRENT_TIMESTAMP)`);
    expect(sql).toContain(`r1."at" >= ((CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + INTERVAL '-3 days')`);
  });

  it('translates each count to a key set with HAVING', () => {
    const having = (count: { operator: 'at_least' | 'at_most' | 'exactly'; value: number }) =>
      compile([{ type: 'event', relationshipId: 'ev', count }]);
    expect(having({ operator: 'at_least', value: 3 })).toMatch(/HAVING COUNT\(\*\) >= 3\) k2 .* WHERE k2\."k1" IS NOT NULL$/);
    expect(having({ operator: 'at_most', value: 2 })).toMatch(/HAVING COUNT\(\*\) > 2\) k2 .* WHERE k2\."k1" IS NULL$/);
    expect(having({ operator: 'exactly', value: 1 })).toMatch(/HAVING COUNT\(\*\) = 1\) k2 .* WHERE k2\."k1" IS NOT NULL$/);
    expect(having({ operator: 'exactly', value: 0 })).toMatch(/GROUP BY r1\."user_id"\) k2 .* WHERE k2\."k1" IS NULL$/);
    expect(having({ operator: 'at_least', value: 0 })).toMatch(/WHERE \(1 = 1\)$/);
  });
});
