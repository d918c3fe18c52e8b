/**
 * The fixture as SQL for each engine: CREATE TABLE with the engine's own types (arrays, time zones) and
 * INSERT … SELECT … UNION ALL rows with engine-specific literals.
 */
import type { FixtureData } from './fixture-data';

export type EngineName = 'postgres' | 'mysql' | 'duckdb' | 'snowflake';

const tsText = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

interface Types {
  text: string;
  ts: string;
  tsZoned: string;
  tags: string;
  money: string;
}

const TYPES: Record<EngineName, Types> = {
  postgres: { text: 'text', ts: 'timestamp', tsZoned: 'timestamptz', tags: 'text[]', money: 'numeric(10,2)' },
  mysql: {
    text: 'varchar(200)',
    ts: 'datetime(3)',
    tsZoned: 'datetime(3)',
    tags: 'json',
    money: 'decimal(10,2)',
  },
  duckdb: {
    text: 'varchar',
    ts: 'timestamp',
    tsZoned: 'timestamptz',
    tags: 'varchar[]',
    money: 'decimal(10,2)',
  },
  snowflake: {
    text: 'varchar',
    ts: 'timestamp_ntz',
    tsZoned: 'timestamp_ntz',
    tags: 'array',
    money: 'number(10,2)',
  },
};

export function literal(
  engine: EngineName,
  value: unknown,
  kind?: 'ts' | 'tsZoned' | 'date' | 'tags',
): string {
  if (value === null || value === undefined) return 'NULL';
  if (kind === 'tags') {
    const items = (value as string[]).map((t) => literal(engine, t));
    if (engine === 'postgres') return `CAST(ARRAY[${items.join(', ')}] AS text[])`;
    if (engine === 'duckdb') return `CAST([${items.join(', ')}] AS varchar[])`;
    if (engine === 'snowflake') return `ARRAY_CONSTRUCT(${items.join(', ')})`;
    return `JSON_ARRAY(${items.join(', ')})`;
  }
  if (kind === 'ts' || kind === 'tsZoned') {
    const text = tsText(value as Date);
    if (kind === 'tsZoned' && (engine === 'postgres' || engine === 'duckdb'))
      return `TIMESTAMPTZ '${text}+00'`;
    return `CAST('${text}' AS ${TYPES[engine][kind]})`;
  }
  if (kind === 'date') return `CAST('${String(value)}' AS date)`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  const text = String(value).replace(/'/g, "''");
  return engine === 'snowflake' || engine === 'mysql' ? `'${text.replace(/\\/g, '\\\\')}'` : `'${text}'`;
}

function insert(engine: EngineName, table: string, rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [`INSERT INTO ${table} ${rows.map((r) => `SELECT ${r.join(', ')}`).join(' UNION ALL ')}`];
}

export function fixtureStatements(engine: EngineName, data: FixtureData): string[] {
  const t = TYPES[engine];
  const l = (v: unknown, k?: 'ts' | 'tsZoned' | 'date' | 'tags') => literal(engine, v, k);
  return [
    `CREATE TABLE users (id integer, email ${t.text}, name ${t.text}, age integer, plan ${t.text}, vip boolean, score ${t.money}, signed_up_at ${t.ts}, birthday date, tags ${t.tags})`,
    `CREATE TABLE purchases (id integer, user_id integer, amount ${t.money}, category ${t.text}, purchased_at ${t.ts})`,
    `CREATE TABLE groups_ (id integer, name ${t.text})`,
    `CREATE TABLE user_groups (user_id integer, group_id integer)`,
    `CREATE TABLE events (id integer, user_id integer, event_type ${t.text}, page ${t.text}, occurred_at ${t.tsZoned})`,
    ...insert(
      engine,
      'users',
      data.users.map((u) => [
        l(u.id),
        l(u.email),
        l(u.name),
        l(u.age),
        l(u.plan),
        l(u.vip),
        u.score === null ? 'NULL' : u.score,
        l(u.signedUpAt, 'ts'),
        l(u.birthday, 'date'),
        l(u.tags, 'tags'),
      ]),
    ),
    ...insert(
      engine,
      'purchases',
      data.purchases.map((p) => [l(p.id), l(p.userId), p.amount, l(p.category), l(p.purchasedAt, 'ts')]),
    ),
    ...insert(
      engine,
      'groups_',
      data.groups.map((g) => [l(g.id), l(g.name)]),
    ),
    ...insert(
      engine,
      'user_groups',
      data.userGroups.map((g) => [l(g.userId), l(g.groupId)]),
    ),
    ...insert(
      engine,
      'events',
      data.events.map((e) => [l(e.id), l(e.userId), l(e.eventType), l(e.page), l(e.occurredAt, 'tsZoned')]),
    ),
  ];
}
