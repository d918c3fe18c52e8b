/** The fixture's Customer Studio schema and traits, with columns discovered from the engine itself. */
import {
  audienceDialect,
  buildSchema,
  type AudienceRef,
  type CompileInput,
  type Relationship,
  type SchemaModel,
  type Trait,
} from '../../index';
import { readAll, type TestEngine } from './test-engines';

export const M = {
  users: 'm-users',
  purchases: 'm-purchases',
  groups: 'm-groups',
  userGroups: 'm-user-groups',
  events: 'm-events',
};
export const R = { purchases: 'rel-purchases', groups: 'rel-groups', events: 'rel-events' };
export const T = {
  purchaseCount: 't-purchase-count',
  totalSpent: 't-total-spent',
  maxAmount: 't-max-amount',
  lastPage: 't-last-page',
  firstCategory: 't-first-category',
  topPage: 't-top-page',
  categories: 't-categories',
  bookCount: 't-book-count',
};

async function model(
  engine: TestEngine,
  modelId: string,
  table: string,
  role: SchemaModel['role'],
  extra: Partial<SchemaModel> = {},
): Promise<SchemaModel> {
  const sql = `SELECT * FROM ${table}`;
  const { columns } = await readAll(engine, `${sql} LIMIT 1`);
  return { modelId, name: table, sourceId: 'src', role, sql, primaryKey: engine.id('id'), columns, ...extra };
}

export async function fixtureInput(engine: TestEngine, audiences: AudienceRef[] = []): Promise<CompileInput> {
  const id = engine.id;
  const models = [
    await model(engine, M.users, 'users', 'parent', {
      labelColumn: id('name'),
      redactedColumns: [id('email')],
    }),
    await model(engine, M.purchases, 'purchases', 'related'),
    await model(engine, M.groups, 'groups_', 'related'),
    await model(engine, M.userGroups, 'user_groups', 'related', { primaryKey: id('user_id') }),
    await model(engine, M.events, 'events', 'event', {
      timestampColumn: id('occurred_at'),
      eventTypeColumn: id('event_type'),
    }),
  ];
  const relationships: Relationship[] = [
    {
      id: R.purchases,
      fromModelId: M.users,
      toModelId: M.purchases,
      cardinality: 'one-to-many',
      joins: [{ from: id('id'), to: id('user_id') }],
    },
    {
      id: R.groups,
      fromModelId: M.users,
      toModelId: M.groups,
      cardinality: 'many-to-many',
      joins: [{ from: id('id'), to: id('user_id') }],
      through: { modelId: M.userGroups, joins: [{ from: id('group_id'), to: id('id') }] },
    },
    {
      id: R.events,
      fromModelId: M.users,
      toModelId: M.events,
      cardinality: 'one-to-many',
      joins: [{ from: id('id'), to: id('user_id') }],
    },
  ];
  const trait = (tid: string, name: string, def: Omit<Trait, 'id' | 'name' | 'parentModelId'>): Trait => ({
    id: tid,
    name,
    parentModelId: M.users,
    ...def,
  });
  const traits = [
    trait(T.purchaseCount, 'purchase_count', { relationshipId: R.purchases, aggregation: 'count' }),
    trait(T.totalSpent, 'total_spent', {
      relationshipId: R.purchases,
      aggregation: 'sum',
      column: id('amount'),
    }),
    trait(T.maxAmount, 'max_amount', {
      relationshipId: R.purchases,
      aggregation: 'max',
      column: id('amount'),
    }),
    trait(T.lastPage, 'last_page', {
      relationshipId: R.events,
      aggregation: 'last',
      column: id('page'),
      conditions: [{ type: 'property', column: id('event_type'), operator: 'equals', value: 'page_view' }],
    }),
    trait(T.firstCategory, 'first_category', {
      relationshipId: R.purchases,
      aggregation: 'first',
      column: id('category'),
      orderBy: id('purchased_at'),
    }),
    trait(T.topPage, 'top_page', {
      relationshipId: R.events,
      aggregation: 'most_frequent',
      column: id('page'),
    }),
    trait(T.categories, 'categories', {
      relationshipId: R.purchases,
      aggregation: 'distinct_list',
      column: id('category'),
    }),
    trait(T.bookCount, 'book_count', {
      relationshipId: R.purchases,
      aggregation: 'count',
      conditions: [{ type: 'property', column: id('category'), operator: 'equals', value: 'books' }],
    }),
  ];
  return {
    dialect: audienceDialect(engine.sourceType),
    schema: buildSchema(models, relationships),
    traits: new Map(traits.map((t) => [t.id, t])),
    audiences: new Map(audiences.map((a) => [a.id, a])),
  };
}
