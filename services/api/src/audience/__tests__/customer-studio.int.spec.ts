/**
 * Customer Studio over GraphQL against a real Postgres warehouse: the schema (models with roles, relationships,
 * their specific errors), traits, audiences with node-path errors, the compiled SQL, insights, splits and
 * syncs of one group, the REST catalog, model edits re-validating the schema, and workspace isolation.
 */
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { fixtureData } from '@syncline/audiences/src/__tests__/helpers/fixture-data';
import { fixtureStatements } from '@syncline/audiences/src/__tests__/helpers/fixture-seed';
import {
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  type TestDatabase,
} from '@syncline/testing';
import { Client } from 'pg';
import request from 'supertest';
import {
  createTestApp,
  errorCode,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
  type GraphqlClient,
} from '../../__tests__/helpers/create-test-app';

const Q = {
  createSource: `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
  createModel: `mutation($input: CreateModelInput!) { createModel(input: $input) { id } }`,
  updateModel: `mutation($input: UpdateModelInput!) { updateModel(input: $input) { id sql } }`,
  deleteModel: `mutation($id: ID!) { deleteModel(id: $id) { id } }`,
  previewModel: `query($input: PreviewModelInput!) { previewModel(input: $input) { columns { name } rows } }`,
  createSchemaModel: `mutation($input: CreateSchemaModelInput!) { createSchemaModel(input: $input) { modelId role columns { name type } redactedColumns } }`,
  updateSchemaModel: `mutation($input: UpdateSchemaModelInput!) { updateSchemaModel(input: $input) { modelId labelColumn } }`,
  deleteSchemaModel: `mutation($id: ID!) { deleteSchemaModel(modelId: $id) { modelId } }`,
  schemaModels: `{ schemaModels { modelId role name } }`,
  createRelationship: `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { id cardinality joins { from to } through { modelId } } }`,
  deleteRelationship: `mutation($id: ID!) { deleteRelationship(id: $id) { id } }`,
  createTrait: `mutation($input: CreateTraitInput!) { createTrait(input: $input) { id name } }`,
  createAudience: `mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id name sql primaryKey splits { name } schemaVersion } }`,
  updateAudience: `mutation($input: UpdateAudienceInput!) { updateAudience(input: $input) { id sql } }`,
  audience: `query($id: ID!) { audience(id: $id) { id name sql definition splits { name percent holdout } } }`,
  preview: `query($input: AudiencePreviewInput!) { audiencePreview(input: $input) { size total funnel { index size } columns { name } sample } }`,
  overlap: `query($a: ID!, $b: ID!) { audienceOverlap(a: $a, b: $b) { aOnly bOnly both } }`,
  breakdown: `query($id: ID!, $column: String!) { audienceBreakdown(audienceId: $id, column: $column) { value count } }`,
  splits: `mutation($input: SetAudienceSplitsInput!) { setAudienceSplits(input: $input) { id splits { name percent holdout } sql } }`,
  createDestination: `mutation($input: CreateDestinationInput!) { createDestination(input: $input) { id } }`,
  createSync: `mutation($input: CreateSyncInput!) { createSync(input: $input) { id splitGroup } }`,
  changes: `query($id: ID!) { audienceMembershipChanges(audienceId: $id) { nodes { key } hasNextPage endCursor } }`,
};

describe('Customer Studio over GraphQL', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let app: INestApplication;
  let gql: GraphqlClient;
  let other: GraphqlClient;
  let apiKey: string;
  const data = fixtureData();
  const ids: Record<string, string> = {};

  const ok = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };

  beforeAll(async () => {
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    const wh = new Client({ connectionString: warehouse.url });
    await wh.connect();
    for (const s of fixtureStatements('postgres', data)) await wh.query(s);
    await wh.end();
    app = await createTestApp(
      testApiConfig({ databaseUrl: controlPlane.url, taskQueue: `studio-${randomBytes(4).toString('hex')}` }),
    );
    const ws = await seedWorkspace(app);
    apiKey = ws.apiKey;
    gql = graphqlClient(app, apiKey);
    other = graphqlClient(app, (await seedWorkspace(app, 'Other')).apiKey);
    ids.source = (
      await ok(Q.createSource, {
        input: { name: 'Warehouse', type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      })
    ).createSource.id;
    for (const [name, sql, primaryKey] of [
      ['users', 'SELECT * FROM users', 'id'],
      ['purchases', 'SELECT * FROM purchases', 'id'],
      ['groups', 'SELECT * FROM groups_', 'id'],
      ['user_groups', 'SELECT * FROM user_groups', 'user_id'],
      ['events', 'SELECT * FROM events', 'id'],
    ]) {
      ids[name!] = (
        await ok(Q.createModel, { input: { name, sourceId: ids.source, sql, primaryKey } })
      ).createModel.id;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  it('builds the schema, refusing each problem with a specific error', async () => {
    const badRedacted = await gql(Q.createSchemaModel, {
      input: { modelId: ids.users, role: 'parent', redactedColumns: ['mail'] },
    });
    expect(errorCode(badRedacted)).toBe('INVALID_SCHEMA');
    expect(badRedacted.errors![0]!.message).toContain('redactedColumns[0]: users has no column "mail"');
    const parent = await ok(Q.createSchemaModel, {
      input: { modelId: ids.users, role: 'parent', labelColumn: 'name', redactedColumns: ['email'] },
    });
    expect(parent.createSchemaModel.columns.map((c: { name: string }) => c.name)).toContain('signed_up_at');
    const noTimestamp = await gql(Q.createSchemaModel, { input: { modelId: ids.events, role: 'event' } });
    expect(noTimestamp.errors![0]!.message).toContain(
      'timestampColumn: an event model must name its timestamp column',
    );
    const textTimestamp = await gql(Q.createSchemaModel, {
      input: { modelId: ids.events, role: 'event', timestampColumn: 'page' },
    });
    expect(textTimestamp.errors![0]!.message).toContain('"page" is a text column, not a date or timestamp');
    await ok(Q.createSchemaModel, {
      input: {
        modelId: ids.events,
        role: 'event',
        timestampColumn: 'occurred_at',
        eventTypeColumn: 'event_type',
      },
    });
    for (const m of ['purchases', 'groups', 'user_groups'])
      await ok(Q.createSchemaModel, { input: { modelId: ids[m], role: 'related' } });

    const badJoin = await gql(Q.createRelationship, {
      input: {
        fromModelId: ids.users,
        toModelId: ids.purchases,
        cardinality: 'one-to-many',
        joins: [{ from: 'name', to: 'user_id' }],
      },
    });
    expect(errorCode(badJoin)).toBe('INVALID_SCHEMA');
    expect(badJoin.errors![0]!.message).toContain(
      'cannot join users.name (text) with purchases.user_id (integer): incompatible types',
    );
    const noThrough = await gql(Q.createRelationship, {
      input: {
        fromModelId: ids.users,
        toModelId: ids.groups,
        cardinality: 'many-to-many',
        joins: [{ from: 'id', to: 'user_id' }],
      },
    });
    expect(noThrough.errors![0]!.message).toContain(
      'through: a many-to-many relationship needs a join model',
    );
    ids.relPurchases = (
      await ok(Q.createRelationship, {
        input: {
          fromModelId: ids.users,
          toModelId: ids.purchases,
          cardinality: 'one-to-many',
          joins: [{ from: 'id', to: 'user_id' }],
        },
      })
    ).createRelationship.id;
    ids.relGroups = (
      await ok(Q.createRelationship, {
        input: {
          fromModelId: ids.users,
          toModelId: ids.groups,
          cardinality: 'many-to-many',
          joins: [{ from: 'id', to: 'user_id' }],
          through: { modelId: ids.user_groups, joins: [{ from: 'group_id', to: 'id' }] },
        },
      })
    ).createRelationship.id;
    ids.relEvents = (
      await ok(Q.createRelationship, {
        input: {
          fromModelId: ids.users,
          toModelId: ids.events,
          cardinality: 'one-to-many',
          joins: [{ from: 'id', to: 'user_id' }],
        },
      })
    ).createRelationship.id;
    const forward = (
      await ok(Q.createRelationship, {
        input: {
          fromModelId: ids.purchases,
          toModelId: ids.groups,
          cardinality: 'many-to-one',
          joins: [{ from: 'id', to: 'id' }],
        },
      })
    ).createRelationship.id;
    const cycle = await gql(Q.createRelationship, {
      input: {
        fromModelId: ids.groups,
        toModelId: ids.purchases,
        cardinality: 'one-to-many',
        joins: [{ from: 'id', to: 'id' }],
      },
    });
    expect(cycle.errors![0]!.message).toContain(
      'relationships would form a cycle: purchases → groups → purchases',
    );
    await ok(Q.deleteRelationship, { id: forward });
    expect((await ok(Q.schemaModels)).schemaModels).toHaveLength(5);
  });

  it('creates traits and audiences; a bad condition names its node path', async () => {
    const badTrait = await gql(Q.createTrait, {
      input: {
        name: 'spent',
        parentModelId: ids.users,
        definition: { relationshipId: ids.relPurchases, aggregation: 'sum', column: 'category' },
      },
    });
    expect(errorCode(badTrait)).toBe('INVALID_AUDIENCE');
    expect(badTrait.errors![0]!.message).toContain('sum needs a number column, "category" is text');
    const shadow = await gql(Q.createTrait, {
      input: {
        name: 'plan',
        parentModelId: ids.users,
        definition: { relationshipId: ids.relPurchases, aggregation: 'count' },
      },
    });
    expect(shadow.errors![0]!.message).toContain('"plan" is already a column of users');
    ids.purchaseCount = (
      await ok(Q.createTrait, {
        input: {
          name: 'purchase_count',
          parentModelId: ids.users,
          definition: { relationshipId: ids.relPurchases, aggregation: 'count' },
        },
      })
    ).createTrait.id;

    const wrong = await gql(Q.createAudience, {
      input: {
        name: 'Broken',
        parentModelId: ids.users,
        definition: {
          version: 1,
          type: 'and',
          conditions: [
            { type: 'property', column: 'plan', operator: 'equals', value: 'pro' },
            {
              type: 'or',
              conditions: [{ type: 'property', column: 'age', operator: 'contains', value: '3' }],
            },
          ],
        },
      },
    });
    expect(errorCode(wrong)).toBe('INVALID_AUDIENCE');
    expect(wrong.errors![0]!.message).toContain(
      "conditions[1].conditions[0].operator: 'contains' is not valid for a number column",
    );
    expect(wrong.errors![0]!.extensions!.details.problems).toEqual([
      {
        path: 'conditions[1].conditions[0].operator',
        message: "'contains' is not valid for a number column",
      },
    ]);
    const shape = await gql(Q.createAudience, {
      input: {
        name: 'Shape',
        parentModelId: ids.users,
        definition: { version: 1, type: 'and', conditions: [{ type: 'propety' }] },
      },
    });
    expect(shape.errors![0]!.message).toContain('conditions[0].type: must be one of');
    const version = await gql(Q.createAudience, {
      input: { name: 'V', parentModelId: ids.users, definition: { version: 2, type: 'and', conditions: [] } },
    });
    expect(version.errors![0]!.message).toContain('version must be 1');

    const buyers = await ok(Q.createAudience, {
      input: {
        name: 'Buyers who browse',
        parentModelId: ids.users,
        definition: {
          version: 1,
          type: 'and',
          conditions: [
            { type: 'property', column: 'age', operator: 'is_not_null' },
            { type: 'relation', relationshipId: ids.relPurchases },
            { type: 'event', relationshipId: ids.relEvents, eventType: 'page_view' },
          ],
        },
      },
    });
    ids.buyers = buyers.createAudience.id;
    expect(buyers.createAudience.primaryKey).toBe('id');
    expect(buyers.createAudience.sql).toMatch(
      /^SELECT p\.\*, COALESCE\(t\d+\."v", 0\) AS "purchase_count" FROM \(SELECT \* FROM users\) p LEFT JOIN/,
    );
    expect(buyers.createAudience.schemaVersion).toMatch(/^[0-9a-f]{16}$/);
    ids.pro = (
      await ok(Q.createAudience, {
        input: {
          name: 'Pro',
          parentModelId: ids.users,
          definition: {
            version: 1,
            type: 'and',
            conditions: [{ type: 'property', column: 'plan', operator: 'equals', value: 'pro' }],
          },
        },
      })
    ).createAudience.id;
    const self = await gql(Q.updateAudience, {
      input: {
        id: ids.pro,
        definition: { version: 1, type: 'and', conditions: [{ type: 'audience', audienceId: ids.pro }] },
      },
    });
    expect(self.errors![0]!.message).toContain(
      'conditions[0].audienceId: audience membership cycle: Pro → Pro',
    );
  });

  it('previews, breaks down and overlaps audiences without showing redacted columns', async () => {
    const withAge = data.users.filter((u) => u.age !== null);
    const bought = withAge.filter((u) => data.purchases.some((p) => p.userId === u.id));
    const browsed = bought.filter((u) =>
      data.events.some((e) => e.userId === u.id && e.eventType === 'page_view'),
    );
    const { audiencePreview: p } = await ok(Q.preview, { input: { audienceId: ids.buyers } });
    expect(p.total).toBe(data.users.length);
    expect(p.size).toBe(browsed.length);
    expect(p.funnel).toEqual([
      { index: 0, size: withAge.length },
      { index: 1, size: bought.length },
      { index: 2, size: browsed.length },
    ]);
    expect(p.sample).toHaveLength(browsed.length);
    expect(p.columns.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['id', 'name', 'purchase_count']),
    );
    expect(JSON.stringify(p)).not.toContain('@example.com');
    const preview = await ok(Q.previewModel, { input: { modelId: ids.buyers } });
    expect(preview.previewModel.columns.map((c: { name: string }) => c.name)).not.toContain('email');
    expect(JSON.stringify(preview)).not.toContain('@example.com');
    const parentPreview = await ok(Q.previewModel, { input: { modelId: ids.users } });
    expect(JSON.stringify(parentPreview)).not.toContain('@example.com');

    const unsaved = await ok(Q.preview, {
      input: {
        parentModelId: ids.users,
        definition: {
          version: 1,
          type: 'and',
          conditions: [{ type: 'property', column: 'vip', operator: 'is_true' }],
        },
        sampleSize: 2,
      },
    });
    expect(unsaved.audiencePreview.size).toBe(data.users.filter((u) => u.vip === true).length);
    expect(unsaved.audiencePreview.sample).toHaveLength(2);

    const byPlan = (await ok(Q.breakdown, { id: ids.buyers, column: 'plan' })).audienceBreakdown;
    const expected = new Map<string | null, number>();
    for (const u of browsed) expected.set(u.plan, (expected.get(u.plan) ?? 0) + 1);
    expect(new Map(byPlan.map((r: { value: string | null; count: number }) => [r.value, r.count]))).toEqual(
      expected,
    );
    const redacted = await gql(Q.breakdown, { id: ids.buyers, column: 'email' });
    expect(redacted.errors![0]!.message).toContain('column: "email" is redacted');

    const overlap = (await ok(Q.overlap, { a: ids.buyers, b: ids.pro })).audienceOverlap;
    const pro = data.users.filter((u) => u.plan === 'pro').map((u) => u.id);
    const both = browsed.filter((u) => pro.includes(u.id)).length;
    expect(overlap).toEqual({ aOnly: browsed.length - both, bOnly: pro.length - both, both });
  });

  it('splits an audience; a sync sends one group and never the holdout', async () => {
    const bad = await gql(Q.splits, {
      input: {
        audienceId: ids.buyers,
        groups: [
          { name: 'A', percent: 50 },
          { name: 'B', percent: 40 },
        ],
      },
    });
    expect(bad.errors![0]!.message).toContain('groups: percentages sum to 90, not 100');
    const split = await ok(Q.splits, {
      input: {
        audienceId: ids.buyers,
        groups: [
          { name: 'A', percent: 45 },
          { name: 'B', percent: 45 },
          { name: 'holdout', percent: 10, holdout: true },
        ],
      },
    });
    expect(split.setAudienceSplits.sql).toContain(`AS "split_group"`);
    const destination = (
      await ok(Q.createDestination, {
        input: {
          name: 'CRM',
          type: 'postgres',
          config: { ...pgConnectorConfig(warehouse.url), schema: 'public' },
        },
      })
    ).createDestination.id;
    const base = {
      name: 'Buyers A',
      modelId: ids.buyers,
      destinationId: destination,
      destinationObject: 'users',
      mode: 'mirror',
      mapping: [{ from: 'id', to: 'id' }],
    };
    const noGroup = await gql(Q.createSync, { input: base });
    expect(noGroup.errors![0]!.message).toContain(
      'is split: give the splitGroup this sync sends (groups: A, B, holdout)',
    );
    const holdout = await gql(Q.createSync, { input: { ...base, splitGroup: 'holdout' } });
    expect(holdout.errors![0]!.message).toContain('"holdout" is the holdout group');
    const sync = await ok(Q.createSync, { input: { ...base, splitGroup: 'A' } });
    expect(sync.createSync.splitGroup).toBe('A');
    const drop = await gql(Q.splits, {
      input: {
        audienceId: ids.buyers,
        groups: [
          { name: 'B', percent: 50 },
          { name: 'C', percent: 50 },
        ],
      },
    });
    expect(errorCode(drop)).toBe('IN_USE');
    expect((await ok(Q.changes, { id: ids.buyers })).audienceMembershipChanges).toEqual({
      nodes: [],
      hasNextPage: false,
      endCursor: null,
    });

    const rest = await request(app.getHttpServer())
      .get('/api/v1/models')
      .set('authorization', `Bearer ${apiKey}`);
    const listed = rest.body.data.find((m: { id: string }) => m.id === ids.buyers);
    expect(listed).toMatchObject({
      name: 'Buyers who browse',
      queryType: 'visual',
      primaryKey: 'id',
      syncs: [sync.createSync.id],
    });
  });

  it('re-validates the schema when a model it uses changes, and guards what audiences use', async () => {
    const breaking = await gql(Q.updateModel, {
      input: { id: ids.purchases, sql: 'SELECT id, amount FROM purchases' },
    });
    expect(errorCode(breaking)).toBe('INVALID_SCHEMA');
    expect(breaking.errors![0]!.message).toContain('purchases has no column "user_id"');
    const renamed = await ok(Q.updateModel, {
      input: {
        id: ids.purchases,
        sql: 'SELECT id, user_id, amount, category, purchased_at FROM purchases WHERE amount > 0',
      },
    });
    expect(renamed.updateModel.sql).toContain('WHERE amount > 0');
    const audience = (await ok(Q.audience, { id: ids.buyers })).audience;
    expect(audience.sql).toContain(
      '(SELECT id, user_id, amount, category, purchased_at FROM purchases WHERE amount > 0)',
    );
    expect(errorCode(await gql(Q.updateModel, { input: { id: ids.buyers, name: 'x' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await gql(Q.deleteModel, { id: ids.purchases }))).toBe('IN_USE');
    expect(errorCode(await gql(Q.deleteRelationship, { id: ids.relPurchases }))).toBe('IN_USE');
    expect(errorCode(await gql(Q.deleteSchemaModel, { id: ids.users }))).toBe('IN_USE');
  });

  it('keeps every query inside the workspace', async () => {
    expect(errorCode(await other(Q.audience, { id: ids.buyers }))).toBe('NOT_FOUND');
    expect(errorCode(await other(Q.preview, { input: { audienceId: ids.buyers } }))).toBe('NOT_FOUND');
    expect(errorCode(await other(Q.changes, { id: ids.buyers }))).toBe('NOT_FOUND');
    expect(
      errorCode(await other(Q.createSchemaModel, { input: { modelId: ids.users, role: 'parent' } })),
    ).toBe('NOT_FOUND');
    expect((await other(Q.schemaModels)).data!.schemaModels).toEqual([]);
    const leaked = await other(Q.createAudience, {
      input: { name: 'x', parentModelId: ids.users, definition: { version: 1, type: 'and', conditions: [] } },
    });
    expect(errorCode(leaked)).toBe('INVALID_AUDIENCE');
  });
});
