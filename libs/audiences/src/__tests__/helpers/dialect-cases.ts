/**
 * Every condition type and operator, each with a hand-written query over the same fixture giving the members
 * it must select. Hand-written queries use plain, portable SQL (window functions where a "first row" is
 * needed, since Snowflake has no correlated LIMIT); time boundaries are computed here, when the query runs.
 */
import type { AudienceRef, Condition } from '../../index';
import { isoDay, type FixtureData } from './fixture-data';
import { R, T, M } from './fixture-schema';
import { literal, type EngineName } from './fixture-seed';

const DAY = 86_400_000;

export interface HandContext {
  engine: EngineName;
  data: FixtureData;
  id: (name: string) => string;
  /** A timestamp literal `days` before now; `zoned` for the events column. */
  ago(days: number, zoned?: boolean): string;
  /** 00:00 UTC of the day `days` before today. */
  dayStartAgo(days: number, zoned?: boolean): string;
  hasTag(column: string, tag: string): string;
  plusDays(expr: string, days: number): string;
}

export interface DialectCase {
  name: string;
  conditions: Condition[];
  match?: 'and' | 'or';
  hand: (h: HandContext) => string;
  /**
   * fakesnow (DuckDB underneath) cannot run ARRAY_CONTAINS on ARRAY columns, not even hand-written: on
   * Snowflake these cases check the compiled test instead of running it.
   */
  snowflakeSql?: string;
}

export const MEMBERSHIP_AUDIENCES = (id: (n: string) => string): AudienceRef[] => [
  {
    id: 'aud-pro-or-vip',
    name: 'Pro or VIP',
    parentModelId: M.users,
    conditions: {
      version: 1,
      type: 'or',
      conditions: [
        { type: 'property', column: id('plan'), operator: 'equals', value: 'pro' },
        { type: 'property', column: id('vip'), operator: 'is_true' },
      ],
    },
  },
  {
    id: 'aud-over-40',
    name: 'Over 40',
    parentModelId: M.users,
    conditions: {
      version: 1,
      type: 'and',
      conditions: [{ type: 'property', column: id('age'), operator: 'gt', value: 40 }],
    },
  },
];

export function handContext(engine: EngineName, data: FixtureData, id: (n: string) => string): HandContext {
  const tsKind = (zoned?: boolean) => (zoned ? 'tsZoned' : 'ts');
  return {
    engine,
    data,
    id,
    ago: (days, zoned) => literal(engine, new Date(Date.now() - days * DAY), tsKind(zoned)),
    dayStartAgo: (days, zoned) => {
      const now = new Date();
      const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY;
      return literal(engine, new Date(start), tsKind(zoned));
    },
    plusDays: (expr, days) =>
      engine === 'snowflake' ? `DATEADD(day, ${days}, ${expr})` : `${expr} + INTERVAL '${days}' DAY`,
    hasTag: (column, tag) => {
      const t = literal(engine, tag);
      if (engine === 'postgres') return `${t} = ANY(${column})`;
      if (engine === 'duckdb') return `list_contains(${column}, ${t})`;
      if (engine === 'snowflake') return `ARRAY_CONTAINS(${t}::VARIANT, ${column})`;
      return `JSON_CONTAINS(${column}, JSON_QUOTE(${t}))`;
    },
  };
}

const p = (column: string, operator: string, value?: unknown): Condition =>
  ({ type: 'property', column, operator, ...(value === undefined ? {} : { value }) }) as Condition;

const firstOf = (inner: string, order: string, value: string, equals: string) =>
  `SELECT user_id FROM (SELECT user_id, ${value} AS v, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ${order}) AS rn FROM ${inner}) x WHERE rn = 1 AND v = '${equals}'`;

export function dialectCases(id: (n: string) => string, data: FixtureData): DialectCase[] {
  const birthday = data.users.find((u) => u.birthday)!.birthday!;
  const u = (where: string) => `SELECT id FROM users WHERE ${where}`;
  return [
    // Text
    { name: 'text equals', conditions: [p(id('plan'), 'equals', 'pro')], hand: () => u(`plan = 'pro'`) },
    {
      name: 'text is not (unknown counts as not)',
      conditions: [p(id('plan'), 'not_equals', 'pro')],
      hand: () => u(`plan <> 'pro' OR plan IS NULL`),
    },
    {
      name: 'text contains',
      conditions: [p(id('name'), 'contains', 'an')],
      hand: () => u(`name LIKE '%an%'`),
    },
    {
      name: 'text does not contain',
      conditions: [p(id('name'), 'not_contains', 'an')],
      hand: () => u(`NOT (name LIKE '%an%')`),
    },
    {
      name: 'text starts with',
      conditions: [p(id('email'), 'starts_with', 'ed')],
      hand: () => u(`email LIKE 'ed%'`),
    },
    {
      name: 'text ends with',
      conditions: [p(id('name'), 'ends_with', 'a')],
      hand: () => u(`name LIKE '%a'`),
    },
    {
      name: 'text is one of',
      conditions: [p(id('plan'), 'in', ['free', 'enterprise'])],
      hand: () => u(`plan IN ('free', 'enterprise')`),
    },
    {
      name: 'text is not one of',
      conditions: [p(id('plan'), 'not_in', ['free', 'enterprise'])],
      hand: () => u(`plan NOT IN ('free', 'enterprise') OR plan IS NULL`),
    },
    {
      name: 'text with a quote',
      conditions: [p(id('name'), 'equals', "O'Brien")],
      hand: () => u(`name = 'O''Brien'`),
    },
    // Numbers
    { name: 'number =', conditions: [p(id('age'), 'equals', 23)], hand: () => u('age = 23') },
    {
      name: 'number ≠',
      conditions: [p(id('age'), 'not_equals', 23)],
      hand: () => u('age <> 23 OR age IS NULL'),
    },
    { name: 'number <', conditions: [p(id('age'), 'lt', 33)], hand: () => u('age < 33') },
    { name: 'number ≤', conditions: [p(id('age'), 'lte', 33)], hand: () => u('age <= 33') },
    { name: 'number >', conditions: [p(id('age'), 'gt', 48)], hand: () => u('age > 48') },
    { name: 'number ≥', conditions: [p(id('age'), 'gte', 48)], hand: () => u('age >= 48') },
    {
      name: 'number between',
      conditions: [p(id('age'), 'between', [28, 53])],
      hand: () => u('age >= 28 AND age <= 53'),
    },
    { name: 'exact decimal', conditions: [p(id('score'), 'gte', '62.50')], hand: () => u('score >= 62.5') },
    // Booleans and nulls
    { name: 'boolean is true', conditions: [p(id('vip'), 'is_true')], hand: () => u('vip = TRUE') },
    { name: 'boolean is false', conditions: [p(id('vip'), 'is_false')], hand: () => u('vip = FALSE') },
    { name: 'is null', conditions: [p(id('age'), 'is_null')], hand: () => u('age IS NULL') },
    { name: 'is not null', conditions: [p(id('plan'), 'is_not_null')], hand: () => u('plan IS NOT NULL') },
    // Dates
    {
      name: 'date before',
      conditions: [p(id('birthday'), 'before', '1975-01-01')],
      hand: () => u(`birthday < CAST('1975-01-01' AS date)`),
    },
    {
      name: 'date after',
      conditions: [p(id('birthday'), 'after', '1977-04-14')],
      hand: () => u(`birthday > CAST('1977-04-14' AS date)`),
    },
    {
      name: 'date on',
      conditions: [p(id('birthday'), 'on', birthday)],
      hand: () => u(`birthday = CAST('${birthday}' AS date)`),
    },
    {
      name: 'dates between',
      conditions: [p(id('birthday'), 'between_dates', ['1972-01-01', '1978-12-31'])],
      hand: () => u(`birthday BETWEEN CAST('1972-01-01' AS date) AND CAST('1978-12-31' AS date)`),
    },
    // Timestamps relative to the warehouse clock
    {
      name: 'within the last N days',
      conditions: [p(id('signed_up_at'), 'within_last_days', 30)],
      hand: (h) => u(`signed_up_at >= ${h.ago(30)}`),
    },
    {
      name: 'more than N days ago',
      conditions: [p(id('signed_up_at'), 'more_than_days_ago', 40)],
      hand: (h) => u(`signed_up_at < ${h.ago(40)}`),
    },
    {
      name: 'less than N days ago',
      conditions: [p(id('signed_up_at'), 'less_than_days_ago', 20)],
      hand: (h) => u(`signed_up_at > ${h.ago(20)}`),
    },
    {
      name: 'exactly N days ago',
      conditions: [p(id('signed_up_at'), 'exactly_days_ago', 10)],
      hand: (h) => u(`signed_up_at >= ${h.dayStartAgo(10)} AND signed_up_at < ${h.dayStartAgo(9)}`),
    },
    {
      name: 'between N and M days ago',
      conditions: [p(id('signed_up_at'), 'between_days_ago', [15, 50])],
      hand: (h) => u(`signed_up_at >= ${h.ago(50)} AND signed_up_at <= ${h.ago(15)}`),
    },
    {
      name: 'timestamp on a day',
      conditions: [p(id('signed_up_at'), 'on', isoDay(data.users[1]!.signedUpAt!))],
      hand: (h) => u(`signed_up_at >= ${h.dayStartAgo(10)} AND signed_up_at < ${h.dayStartAgo(9)}`),
    },
    // Arrays
    {
      name: 'array contains any of',
      snowflakeSql: `(ARRAY_CONTAINS(CAST('vip' AS VARIANT), p."TAGS") OR ARRAY_CONTAINS(CAST('newsletter' AS VARIANT), p."TAGS"))`,
      conditions: [p(id('tags'), 'contains_any', ['vip', 'newsletter'])],
      hand: (h) => u(`${h.hasTag('tags', 'vip')} OR ${h.hasTag('tags', 'newsletter')}`),
    },
    {
      name: 'array contains all of',
      snowflakeSql: `(ARRAY_CONTAINS(CAST('vip' AS VARIANT), p."TAGS") AND ARRAY_CONTAINS(CAST('beta' AS VARIANT), p."TAGS"))`,
      conditions: [p(id('tags'), 'contains_all', ['vip', 'beta'])],
      hand: (h) => u(`${h.hasTag('tags', 'vip')} AND ${h.hasTag('tags', 'beta')}`),
    },
    // Relations
    {
      name: 'has related rows',
      conditions: [{ type: 'relation', relationshipId: R.purchases }],
      hand: () => u('id IN (SELECT user_id FROM purchases)'),
    },
    {
      name: 'at least N related rows matching',
      conditions: [
        {
          type: 'relation',
          relationshipId: R.purchases,
          count: { operator: 'at_least', value: 2 },
          conditions: [p(id('category'), 'in', ['books', 'music'])],
        },
      ],
      hand: () =>
        u(
          `id IN (SELECT user_id FROM purchases WHERE category IN ('books', 'music') GROUP BY user_id HAVING COUNT(*) >= 2)`,
        ),
    },
    {
      name: 'at most N related rows',
      conditions: [
        { type: 'relation', relationshipId: R.purchases, count: { operator: 'at_most', value: 1 } },
      ],
      hand: () => u('id NOT IN (SELECT user_id FROM purchases GROUP BY user_id HAVING COUNT(*) > 1)'),
    },
    {
      name: 'exactly N related rows',
      conditions: [
        { type: 'relation', relationshipId: R.purchases, count: { operator: 'exactly', value: 2 } },
      ],
      hand: () => u('id IN (SELECT user_id FROM purchases GROUP BY user_id HAVING COUNT(*) = 2)'),
    },
    {
      name: 'has no related rows',
      conditions: [{ type: 'relation', relationshipId: R.purchases, not: true }],
      hand: () => u('NOT EXISTS (SELECT 1 FROM purchases WHERE purchases.user_id = users.id)'),
    },
    {
      name: 'many-to-many through a join model',
      conditions: [
        { type: 'relation', relationshipId: R.groups, conditions: [p(id('name'), 'equals', 'Engineering')] },
      ],
      hand: () =>
        u(
          `id IN (SELECT ug.user_id FROM user_groups ug JOIN groups_ g ON g.id = ug.group_id WHERE g.name = 'Engineering')`,
        ),
    },
    {
      name: 'many-to-many with a count',
      conditions: [{ type: 'relation', relationshipId: R.groups, count: { operator: 'at_least', value: 2 } }],
      hand: () => u('id IN (SELECT user_id FROM user_groups GROUP BY user_id HAVING COUNT(*) >= 2)'),
    },
    // Events
    {
      name: 'event count in a relative window',
      conditions: [
        {
          type: 'event',
          relationshipId: R.events,
          eventType: 'page_view',
          count: { operator: 'at_least', value: 2 },
          window: { type: 'within_last_days', days: 21 },
        },
      ],
      hand: (h) =>
        u(
          `id IN (SELECT user_id FROM events WHERE event_type = 'page_view' AND occurred_at >= ${h.ago(21, true)} GROUP BY user_id HAVING COUNT(*) >= 2)`,
        ),
    },
    {
      name: 'did not perform an event',
      conditions: [{ type: 'event', relationshipId: R.events, eventType: 'purchase', not: true }],
      hand: () => u(`id NOT IN (SELECT user_id FROM events WHERE event_type = 'purchase')`),
    },
    {
      name: 'event between N and M days ago',
      conditions: [
        {
          type: 'event',
          relationshipId: R.events,
          eventType: 'purchase',
          window: { type: 'between_days_ago', from: 5, to: 25 },
        },
      ],
      hand: (h) =>
        u(
          `id IN (SELECT user_id FROM events WHERE event_type = 'purchase' AND occurred_at >= ${h.ago(25, true)} AND occurred_at <= ${h.ago(5, true)})`,
        ),
    },
    {
      name: 'event after a date, with a property',
      conditions: [
        {
          type: 'event',
          relationshipId: R.events,
          window: { type: 'after', date: isoDay(new Date(Date.now() - 20 * DAY)) },
          conditions: [p(id('page'), 'equals', '/pricing')],
        },
      ],
      hand: (h) =>
        u(
          `id IN (SELECT user_id FROM events WHERE page = '/pricing' AND occurred_at >= ${h.dayStartAgo(19, true)})`,
        ),
    },
    {
      name: 'event before a date',
      conditions: [
        {
          type: 'event',
          relationshipId: R.events,
          window: { type: 'before', date: isoDay(new Date(Date.now() - 20 * DAY)) },
        },
      ],
      hand: (h) => u(`id IN (SELECT user_id FROM events WHERE occurred_at < ${h.dayStartAgo(20, true)})`),
    },
    {
      name: 'event exactly N times between dates',
      conditions: [
        {
          type: 'event',
          relationshipId: R.events,
          count: { operator: 'exactly', value: 1 },
          window: {
            type: 'between_dates',
            from: isoDay(new Date(Date.now() - 30 * DAY)),
            to: isoDay(new Date(Date.now() - 10 * DAY)),
          },
        },
      ],
      hand: (h) =>
        u(
          `id IN (SELECT user_id FROM events WHERE occurred_at >= ${h.dayStartAgo(30, true)} AND occurred_at < ${h.dayStartAgo(9, true)} GROUP BY user_id HAVING COUNT(*) = 1)`,
        ),
    },
    // Sequences
    {
      name: 'event A then event B within N days',
      conditions: [
        {
          type: 'event_sequence',
          relationshipId: R.events,
          first: { eventType: 'page_view' },
          then: { eventType: 'purchase' },
          withinDays: 10,
        },
      ],
      hand: (h) =>
        u(
          `id IN (SELECT a.user_id FROM events a JOIN events b ON b.user_id = a.user_id WHERE a.event_type = 'page_view' AND b.event_type = 'purchase' AND b.occurred_at > a.occurred_at AND b.occurred_at <= ${h.plusDays('a.occurred_at', 10)})`,
        ),
    },
    {
      name: 'event A and then no B within N days',
      conditions: [
        {
          type: 'event_sequence',
          relationshipId: R.events,
          first: { eventType: 'page_view' },
          then: { eventType: 'page_view' },
          withinDays: 3,
          thenAbsent: true,
        },
      ],
      hand: (h) =>
        u(
          `id IN (SELECT a.user_id FROM events a WHERE a.event_type = 'page_view' AND NOT EXISTS (SELECT 1 FROM events b WHERE b.user_id = a.user_id AND b.event_type = 'page_view' AND b.occurred_at > a.occurred_at AND b.occurred_at <= ${h.plusDays('a.occurred_at', 3)}))`,
        ),
    },
    // Audience membership
    {
      name: 'member of another audience',
      conditions: [{ type: 'audience', audienceId: 'aud-pro-or-vip' }],
      hand: () => u(`plan = 'pro' OR vip = TRUE`),
    },
    {
      name: 'member of one audience and not of another',
      conditions: [
        { type: 'audience', audienceId: 'aud-pro-or-vip' },
        { type: 'audience', audienceId: 'aud-over-40', not: true },
      ],
      hand: () => u(`(plan = 'pro' OR vip = TRUE) AND (age <= 40 OR age IS NULL)`),
    },
    // Traits
    {
      name: 'count trait',
      conditions: [{ type: 'trait', traitId: T.purchaseCount, operator: 'gte', value: 2 }],
      hand: () => u('id IN (SELECT user_id FROM purchases GROUP BY user_id HAVING COUNT(*) >= 2)'),
    },
    {
      name: 'count trait of zero',
      conditions: [{ type: 'trait', traitId: T.bookCount, operator: 'equals', value: 0 }],
      hand: () => u(`id NOT IN (SELECT user_id FROM purchases WHERE category = 'books')`),
    },
    {
      name: 'sum trait',
      conditions: [{ type: 'trait', traitId: T.totalSpent, operator: 'gt', value: 100 }],
      hand: () => u('id IN (SELECT user_id FROM purchases GROUP BY user_id HAVING SUM(amount) > 100)'),
    },
    {
      name: 'max trait between',
      conditions: [{ type: 'trait', traitId: T.maxAmount, operator: 'between', value: [40, 80] }],
      hand: () =>
        u('id IN (SELECT user_id FROM purchases GROUP BY user_id HAVING MAX(amount) BETWEEN 40 AND 80)'),
    },
    {
      name: 'last value trait',
      conditions: [{ type: 'trait', traitId: T.lastPage, operator: 'equals', value: '/docs' }],
      hand: () =>
        u(
          `id IN (${firstOf(`events WHERE event_type = 'page_view'`, 'occurred_at DESC, id DESC', 'page', '/docs')})`,
        ),
    },
    {
      name: 'first value trait',
      conditions: [{ type: 'trait', traitId: T.firstCategory, operator: 'equals', value: 'books' }],
      hand: () => u(`id IN (${firstOf('purchases', 'purchased_at ASC, id ASC', 'category', 'books')})`),
    },
    {
      name: 'most frequent value trait',
      conditions: [{ type: 'trait', traitId: T.topPage, operator: 'equals', value: '/pricing' }],
      hand: () =>
        u(
          `id IN (SELECT user_id FROM (SELECT user_id, page, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY COUNT(*) DESC, page ASC) AS rn FROM events WHERE page IS NOT NULL GROUP BY user_id, page) x WHERE rn = 1 AND page = '/pricing')`,
        ),
    },
    {
      name: 'distinct list trait',
      snowflakeSql: `ARRAY_AGG(DISTINCT r`,
      conditions: [{ type: 'trait', traitId: T.categories, operator: 'contains_any', value: ['games'] }],
      hand: () => u(`id IN (SELECT user_id FROM purchases WHERE category = 'games')`),
    },
    // Nesting
    {
      name: 'nested OR with NOT and AND',
      match: 'or',
      conditions: [
        {
          type: 'and',
          conditions: [
            p(id('plan'), 'equals', 'free'),
            { type: 'relation', relationshipId: R.purchases, not: true },
          ],
        },
        {
          type: 'or',
          not: true,
          conditions: [p(id('age'), 'lt', 60), { type: 'event', relationshipId: R.events }],
        },
      ],
      hand: () =>
        u(
          `(plan = 'free' AND id NOT IN (SELECT user_id FROM purchases)) OR (NOT (COALESCE(age < 60, FALSE)) AND id NOT IN (SELECT user_id FROM events))`,
        ),
    },
  ];
}
