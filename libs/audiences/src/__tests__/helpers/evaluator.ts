/**
 * An in-memory evaluator of condition trees over the fixture: the semantics written out plainly (unknown
 * values fail positive tests, NOT is the exact complement, counts compare per the count filter), to check
 * the compiled SQL against in the property-based test.
 */
import type { Condition, CountFilter, PropertyOperator, TimeWindow } from '../../index';
import type { FixtureData, FixtureEvent, FixturePurchase, FixtureUser } from './fixture-data';
import { R } from './fixture-schema';

const DAY = 86_400_000;
type Value = string | number | boolean | Date | string[] | null;
type Row = Record<string, Value>;

const userRow = (u: FixtureUser): Row => ({
  id: u.id,
  email: u.email,
  name: u.name,
  age: u.age,
  plan: u.plan,
  vip: u.vip,
  score: u.score === null ? null : Number(u.score),
  signed_up_at: u.signedUpAt,
  tags: u.tags,
});
const purchaseRow = (p: FixturePurchase): Row => ({
  id: p.id,
  amount: Number(p.amount),
  category: p.category,
  purchased_at: p.purchasedAt,
});
const eventRow = (e: FixtureEvent): Row => ({
  id: e.id,
  event_type: e.eventType,
  page: e.page,
  occurred_at: e.occurredAt,
});

function compare(v: Value, operator: PropertyOperator, value: unknown, now: number): boolean {
  const neg: Partial<Record<PropertyOperator, PropertyOperator>> = {
    not_equals: 'equals',
    not_contains: 'contains',
    not_in: 'in',
  };
  const positive = neg[operator];
  if (positive) return !compare(v, positive, value, now);
  if (operator === 'is_null') return v === null;
  if (operator === 'is_not_null') return v !== null;
  if (v === null) return false;
  const n = typeof value === 'string' && typeof v === 'number' ? Number(value) : value;
  switch (operator) {
    case 'equals':
      return v === n;
    case 'lt':
      return (v as number) < (n as number);
    case 'lte':
      return (v as number) <= (n as number);
    case 'gt':
      return (v as number) > (n as number);
    case 'gte':
      return (v as number) >= (n as number);
    case 'between': {
      const [a, b] = value as number[];
      return (v as number) >= a! && (v as number) <= b!;
    }
    case 'is_true':
      return v === true;
    case 'is_false':
      return v === false;
    case 'contains':
      return (v as string).includes(value as string);
    case 'starts_with':
      return (v as string).startsWith(value as string);
    case 'ends_with':
      return (v as string).endsWith(value as string);
    case 'in':
      return (value as string[]).includes(v as string);
    case 'contains_any':
      return (value as string[]).some((x) => (v as string[]).includes(x));
    case 'contains_all':
      return (value as string[]).every((x) => (v as string[]).includes(x));
    case 'within_last_days':
      return (v as Date).getTime() >= now - (value as number) * DAY && (v as Date).getTime() <= now;
    case 'more_than_days_ago':
      return (v as Date).getTime() < now - (value as number) * DAY;
    default:
      throw new Error(`evaluator: unsupported operator ${operator}`);
  }
}

function counted(n: number, count: CountFilter | undefined): boolean {
  const { operator, value } = count ?? { operator: 'at_least', value: 1 };
  return operator === 'at_least' ? n >= value : operator === 'at_most' ? n <= value : n === value;
}

function inWindow(ts: Date, window: TimeWindow | undefined, now: number): boolean {
  if (!window || window.type === 'any') return true;
  if (window.type === 'within_last_days') return compare(ts, 'within_last_days', window.days, now);
  throw new Error(`evaluator: unsupported window ${window.type}`);
}

export function evaluate(node: Condition, row: Row, userId: number, data: FixtureData, now: number): boolean {
  const result = ((): boolean => {
    switch (node.type) {
      case 'and':
        return node.conditions.every((c) => evaluate(c, row, userId, data, now));
      case 'or':
        return node.conditions.some((c) => evaluate(c, row, userId, data, now));
      case 'property':
        return compare(row[node.column] ?? null, node.operator, node.value, now);
      case 'relation': {
        if (node.relationshipId !== R.purchases) throw new Error('evaluator: purchases only');
        const rows = data.purchases.filter((p) => p.userId === userId).map(purchaseRow);
        const n = rows.filter((r) =>
          (node.conditions ?? []).every((c) => evaluate(c, r, userId, data, now)),
        ).length;
        return counted(n, node.count);
      }
      case 'event': {
        const rows = data.events
          .filter(
            (e) => e.userId === userId && (node.eventType === undefined || e.eventType === node.eventType),
          )
          .filter((e) => inWindow(e.occurredAt, node.window, now))
          .map(eventRow);
        const n = rows.filter((r) =>
          (node.conditions ?? []).every((c) => evaluate(c, r, userId, data, now)),
        ).length;
        return counted(n, node.count);
      }
      default:
        throw new Error(`evaluator: unsupported node ${node.type}`);
    }
  })();
  return node.not ? !result : result;
}

/** The members of a root AND / OR of `conditions`. */
export function members(
  root: { type: 'and' | 'or'; conditions: Condition[] },
  data: FixtureData,
  now = Date.now(),
): number[] {
  return data.users
    .filter((u) => evaluate({ ...root }, userRow(u), u.id, data, now))
    .map((u) => u.id)
    .sort((a, b) => a - b);
}
