/**
 * The Customer Studio part of the demo seed: models Orders and Page views, the schema (Customers as parent,
 * email redacted), traits order_count and total_spent, the audience "Pricing-page buyers" (paying plan, at
 * least two orders, a /pricing page view) split Treatment 80 % / Holdout 20 %, and a mirror sync of the
 * treatment group into `public.crm_audience`. The audience SQL is compiled from columns discovered in the
 * demo warehouse, as the API does. Idempotent: records are found by name (or model) and updated.
 */
import { randomUUID } from 'node:crypto';
import {
  audienceDialect,
  buildSchema,
  compileAudienceSql,
  schemaVersion,
  type AudienceDefinition,
  type ConditionTree,
  type SchemaModel,
  type SplitGroup,
  type Trait,
} from '@syncline/audiences';
import { postgresSource } from '@syncline/connectors/sources/postgres';
import {
  AudienceRelationshipEntity,
  AudienceSchemaModelEntity,
  AudienceTraitEntity,
  ModelEntity,
  SyncEntity,
  type SourceEntity,
} from '@syncline/db';
import type { Column } from '@syncline/domain';
import type { EntityManager } from 'typeorm';

type PgConfig = Parameters<typeof postgresSource.query>[0];

interface Context {
  workspaceId: string;
  source: SourceEntity;
  customers: ModelEntity;
  destinationId: string;
  config: PgConfig;
}

const SPLITS: SplitGroup[] = [
  { name: 'Treatment', percent: 80 },
  { name: 'Holdout', percent: 20, holdout: true },
];

async function columns(config: PgConfig, sql: string): Promise<Column[]> {
  for await (const batch of postgresSource.query(config, sql, { limit: 1 })) return batch.columns;
  return [];
}

async function byName<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
  workspaceId: string,
  name: string,
  values: Partial<T>,
): Promise<T> {
  const repo = em.getRepository(entity);
  const existing = await repo.findOne({ where: { workspaceId, name } as never });
  return repo.save(
    repo.merge(existing ?? repo.create({ id: randomUUID() } as T), { ...values, workspaceId, name } as never),
  );
}

export async function seedCustomerStudio(em: EntityManager, ctx: Context): Promise<SyncEntity> {
  const { workspaceId } = ctx;
  const model = (name: string, sql: string) =>
    byName(em, ModelEntity, workspaceId, name, { sourceId: ctx.source.id, sql, primaryKey: 'id' });
  const orders = await model('Orders', 'SELECT id, customer_id, amount, ordered_at FROM demo.orders');
  const views = await model('Page views', 'SELECT id, customer_id, path, viewed_at FROM demo.page_views');

  const roles: [ModelEntity, Partial<AudienceSchemaModelEntity>][] = [
    [ctx.customers, { role: 'parent', labelColumn: 'full_name', redactedColumns: ['email'] }],
    [orders, { role: 'related' }],
    [views, { role: 'event', timestampColumn: 'viewed_at' }],
  ];
  const schemaModels: SchemaModel[] = [];
  for (const [m, role] of roles) {
    const cols = await columns(ctx.config, m.sql);
    await em
      .getRepository(AudienceSchemaModelEntity)
      .save({
        modelId: m.id,
        workspaceId,
        labelColumn: null,
        redactedColumns: [],
        timestampColumn: null,
        eventTypeColumn: null,
        ...role,
        columns: cols,
      });
    schemaModels.push({
      modelId: m.id,
      name: m.name,
      sourceId: m.sourceId,
      role: role.role!,
      sql: m.sql,
      primaryKey: m.primaryKey,
      columns: cols,
      ...role,
    } as SchemaModel);
  }
  const relationship = async (to: ModelEntity) => {
    const repo = em.getRepository(AudienceRelationshipEntity);
    const existing = await repo.findOneBy({ workspaceId, fromModelId: ctx.customers.id, toModelId: to.id });
    return repo.save(
      repo.merge(existing ?? repo.create(), {
        workspaceId,
        fromModelId: ctx.customers.id,
        toModelId: to.id,
        cardinality: 'one-to-many',
        joins: [{ from: 'id', to: 'customer_id' }],
        throughModelId: null,
        throughJoins: null,
      }),
    );
  };
  const toOrders = await relationship(orders);
  const toViews = await relationship(views);
  const trait = async (name: string, definition: Record<string, unknown>) => {
    const repo = em.getRepository(AudienceTraitEntity);
    const existing = await repo.findOneBy({ workspaceId, parentModelId: ctx.customers.id, name });
    return repo.save(
      repo.merge(existing ?? repo.create(), {
        workspaceId,
        parentModelId: ctx.customers.id,
        name,
        definition,
      }),
    );
  };
  const traits = [
    await trait('order_count', { relationshipId: toOrders.id, aggregation: 'count' }),
    await trait('total_spent', { relationshipId: toOrders.id, aggregation: 'sum', column: 'amount' }),
  ];

  const conditions: ConditionTree = {
    version: 1,
    type: 'and',
    conditions: [
      { type: 'property', column: 'plan', operator: 'in', value: ['starter', 'pro', 'enterprise'] },
      { type: 'relation', relationshipId: toOrders.id, count: { operator: 'at_least', value: 2 } },
      {
        type: 'event',
        relationshipId: toViews.id,
        conditions: [{ type: 'property', column: 'path', operator: 'equals', value: '/pricing' }],
      },
    ],
  };
  const input = {
    dialect: audienceDialect('postgres'),
    schema: buildSchema(
      schemaModels,
      [toOrders, toViews].map((r) => ({
        id: r.id,
        fromModelId: r.fromModelId,
        toModelId: r.toModelId,
        cardinality: r.cardinality,
        joins: r.joins,
      })),
    ),
    traits: new Map(
      traits.map((t): [string, Trait] => [
        t.id,
        {
          id: t.id,
          name: t.name,
          parentModelId: t.parentModelId,
          ...(t.definition as unknown as Omit<Trait, 'id' | 'name' | 'parentModelId'>),
        },
      ]),
    ),
    audiences: new Map(),
  };
  const name = 'Pricing-page buyers';
  const existing = await em.getRepository(ModelEntity).findOneBy({ workspaceId, name, kind: 'audience' });
  const id = existing?.id ?? randomUUID();
  const sql = compileAudienceSql(
    { id, name, parentModelId: ctx.customers.id, conditions, splits: SPLITS },
    input,
  );
  const definition: AudienceDefinition = {
    kind: 'audience',
    parentModelId: ctx.customers.id,
    conditions,
    splits: SPLITS,
    schemaVersion: schemaVersion(input, ctx.customers.id),
  };
  const audience = await byName(em, ModelEntity, workspaceId, name, {
    id,
    sourceId: ctx.source.id,
    kind: 'audience',
    sql,
    primaryKey: ctx.customers.primaryKey,
    definition: { ...definition },
  });
  return byName(em, SyncEntity, workspaceId, 'Pricing-page buyers (treatment) → CRM', {
    modelId: audience.id,
    destinationId: ctx.destinationId,
    destinationObject: 'crm_audience',
    mode: 'mirror',
    splitGroup: 'Treatment',
    mapping: [
      { from: 'id', to: 'customer_id' },
      { from: 'email', to: 'email' },
      { from: 'plan', to: 'plan' },
      { from: 'order_count', to: 'order_count' },
      { from: 'split_group', to: 'split_group' },
    ],
  });
}
