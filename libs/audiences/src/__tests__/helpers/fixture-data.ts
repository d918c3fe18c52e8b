/**
 * The fixture schema every dialect test seeds: users (the parent), purchases (one-to-many), groups through
 * user_groups (many-to-many) and events (page_view / purchase), with known values placed relative to the
 * current time and at least an hour away from any day or window boundary the cases use.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FixtureUser {
  id: number;
  email: string;
  name: string;
  age: number | null;
  plan: string | null;
  vip: boolean | null;
  score: string | null;
  signedUpAt: Date | null;
  birthday: string | null;
  tags: string[] | null;
}

export interface FixturePurchase {
  id: number;
  userId: number;
  amount: string;
  category: string;
  purchasedAt: Date;
}

export interface FixtureEvent {
  id: number;
  userId: number;
  eventType: string;
  page: string | null;
  occurredAt: Date;
}

export interface FixtureData {
  now: Date;
  users: FixtureUser[];
  purchases: FixturePurchase[];
  groups: { id: number; name: string }[];
  userGroups: { userId: number; groupId: number }[];
  events: FixtureEvent[];
}

/** Noon UTC `days` ago: far from the day boundaries "exactly N days ago" and "on" use. */
export function noonDaysAgo(now: Date, days: number): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - days * DAY);
  // Before noon today, "noon today" is in the future: keep it in the past.
  return d.getTime() > now.getTime() - HOUR ? new Date(d.getTime() - DAY) : d;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function fixtureData(now = new Date()): FixtureData {
  const ago = (days: number) => noonDaysAgo(now, days);
  const names = [
    'Ada',
    'Grace',
    'Alan',
    "O'Brien",
    'Edsger',
    'Barbara',
    'Donald',
    'Frances',
    'Ken',
    'Linus',
    'Hedy',
    'Tim',
  ];
  const plans = ['free', 'pro', 'enterprise', null];
  const tagSets = [['vip', 'beta'], ['beta'], [], null, ['churn-risk', 'vip'], ['newsletter']];
  const users: FixtureUser[] = names.map((name, i) => ({
    id: i + 1,
    email: `${name.toLowerCase().replace("'", '')}@example.com`,
    name,
    age: i % 5 === 4 ? null : 18 + i * 5,
    plan: plans[i % plans.length]!,
    vip: i % 6 === 5 ? null : i % 3 === 0,
    score: i % 4 === 3 ? null : `${(i * 12.5).toFixed(2)}`,
    signedUpAt: i % 7 === 6 ? null : ago(i * 9 + 1),
    birthday: i % 5 === 2 ? null : `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`,
    tags: tagSets[i % tagSets.length]!,
  }));
  const categories = ['books', 'games', 'music'];
  const purchases: FixturePurchase[] = [];
  let pid = 0;
  users.forEach((u, i) => {
    for (let k = 0; k < i % 4; k += 1) {
      pid += 1;
      purchases.push({
        id: pid,
        userId: u.id,
        amount: `${(10 + ((i * 7 + k * 13) % 90)).toFixed(2)}`,
        category: categories[(i + k) % 3]!,
        purchasedAt: ago(k * 11 + i),
      });
    }
  });
  const groups = [
    { id: 1, name: 'Engineering' },
    { id: 2, name: 'Design' },
    { id: 3, name: 'Sales' },
  ];
  const userGroups = users.flatMap((u, i) =>
    groups
      .filter((g) => (i + g.id) % 3 === 0 || (i === 7 && g.id !== 2))
      .map((g) => ({ userId: u.id, groupId: g.id })),
  );
  const events: FixtureEvent[] = [];
  let eid = 0;
  users.forEach((u, i) => {
    const count = (i * 5) % 7;
    for (let k = 0; k < count; k += 1) {
      eid += 1;
      const isPurchase = (i + k) % 3 === 0;
      events.push({
        id: eid,
        userId: u.id,
        eventType: isPurchase ? 'purchase' : 'page_view',
        page: isPurchase ? null : ['/home', '/pricing', '/docs'][(i + k) % 3]!,
        occurredAt: new Date(ago((i + k * 4) % 40).getTime() + k * 2 * HOUR),
      });
    }
  });
  return { now, users, purchases, groups, userGroups, events };
}
