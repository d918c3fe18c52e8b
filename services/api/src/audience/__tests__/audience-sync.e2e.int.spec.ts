/**
 * End to end through GraphQL, the real Temporal dev server and worker: an audience synced in mirror mode to the
 * Meta Custom Audiences emulator and to a HubSpot list; members enter and leave and the next run adds and
 * removes exactly those; a split audience sends each group to its own destination and the holdout nowhere;
 * membership history shows who entered and left, with the split group.
 */
import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  type HubSpotEmulator,
  startHubSpotEmulator,
} from '@syncline/connectors/testing/emulators/hubspot/emulator';
import {
  type MetaEmulator,
  startMetaCustomAudiencesEmulator,
} from '@syncline/connectors/testing/emulators/meta-custom-audiences/emulator';
import {
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  testEncryptionKey,
  type TestDatabase,
} from '@syncline/testing';
import { startTestWorker, type TestWorker } from '@syncline/worker/src/__tests__/helpers/test-worker';
import { Client } from 'pg';
import {
  createTestApp,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
  type GraphqlClient,
} from '../../__tests__/helpers/create-test-app';

const CUSTOMERS = 40;
const META_TOKEN = 'EAAG-audience-e2e-token-0123456789';
const HS_TOKEN = 'pat-na1-audience-e2e-0123456789';
const AD_ACCOUNT = 'act_7770001';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const bucketOf = (audienceId: string, key: number) =>
  parseInt(createHash('md5').update(`${audienceId}:${key}`).digest('hex').slice(0, 8), 16) % 10000;

describe('audience syncs (GraphQL → Temporal → Meta and HubSpot emulators)', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let wh: Client;
  let app: INestApplication;
  let worker: TestWorker;
  let gql: GraphqlClient;
  let meta: MetaEmulator;
  let hs: HubSpotEmulator;
  const ids: Record<string, string> = {};

  const ok = async (query: string, variables?: Record<string, unknown>): Promise<any> => {
    const res = await gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  /** Members per the warehouse, as the audience defines them: paying plan and a page view in the last 30 days. */
  const expectedMembers = async (): Promise<number[]> =>
    (
      await wh.query<{ id: number }>(
        `SELECT id FROM customers WHERE plan IN ('pro', 'enterprise')
           AND id IN (SELECT customer_id FROM page_views WHERE viewed_at >= now() - interval '30 days') ORDER BY id`,
      )
    ).rows.map((r) => r.id);

  const metaMembers = (audience: string) => new Set(meta.members(audience).map((m) => m.EXTERN_ID));
  const listMembers = (listId: string) => {
    const emails = new Map(hs.records('contacts').map((r) => [r.id, r.properties.email]));
    return new Set(hs.listMembers(listId).map((id) => emails.get(id)));
  };

  beforeAll(async () => {
    const key = testEncryptionKey();
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    wh = new Client({ connectionString: warehouse.url });
    await wh.connect();
    await wh.query(`
      CREATE TABLE customers (id int PRIMARY KEY, email text, plan text);
      INSERT INTO customers SELECT g, 'c' || g || '@example.com', (ARRAY['free', 'pro', 'enterprise'])[1 + g % 3] FROM generate_series(1, ${CUSTOMERS}) g;
      CREATE TABLE page_views (id serial PRIMARY KEY, customer_id int, path text, viewed_at timestamptz);
      INSERT INTO page_views (customer_id, path, viewed_at)
        SELECT g, '/pricing', now() - (g % 45) * interval '1 day' - interval '2 hours' FROM generate_series(1, ${CUSTOMERS}) g;`);
    meta = await startMetaCustomAudiencesEmulator({
      accessToken: META_TOKEN,
      adAccountId: AD_ACCOUNT,
      audiences: [
        { id: '23850000000000001', name: 'Engaged' },
        { id: '23850000000000002', name: 'Engaged split A' },
      ],
    });
    hs = await startHubSpotEmulator({ accessToken: HS_TOKEN });
    // List members are resolved by the unique property the audience's key maps to.
    hs.addProperty('contacts', { name: 'customer_id', type: 'number', hasUniqueValue: true });
    for (let i = 1; i <= CUSTOMERS; i += 1)
      hs.seed('contacts', { email: `c${i}@example.com`, customer_id: String(i) });
    ids.list = hs.createList({ name: 'Engaged', processingType: 'MANUAL' });
    ids.splitList = hs.createList({ name: 'Engaged split B', processingType: 'MANUAL' });
    worker = await startTestWorker(controlPlane.url, key);
    app = await createTestApp(
      testApiConfig({ databaseUrl: controlPlane.url, taskQueue: worker.taskQueue, encryptionKey: key }),
    );
    gql = graphqlClient(app, (await seedWorkspace(app)).apiKey);

    const source = (
      await ok(`mutation($i: CreateSourceInput!) { createSource(input: $i) { id } }`, {
        i: { name: 'Warehouse', type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      })
    ).createSource.id;
    const model = async (name: string, sql: string, primaryKey: string) =>
      (
        await ok(`mutation($i: CreateModelInput!) { createModel(input: $i) { id } }`, {
          i: { name, sourceId: source, sql, primaryKey },
        })
      ).createModel.id as string;
    ids.customers = await model('Customers', 'SELECT id, email, plan FROM customers', 'id');
    ids.views = await model('Page views', 'SELECT id, customer_id, path, viewed_at FROM page_views', 'id');
    const schemaModel = `mutation($i: CreateSchemaModelInput!) { createSchemaModel(input: $i) { modelId } }`;
    await ok(schemaModel, { i: { modelId: ids.customers, role: 'parent', labelColumn: 'email' } });
    await ok(schemaModel, { i: { modelId: ids.views, role: 'event', timestampColumn: 'viewed_at' } });
    ids.rel = (
      await ok(`mutation($i: CreateRelationshipInput!) { createRelationship(input: $i) { id } }`, {
        i: {
          fromModelId: ids.customers,
          toModelId: ids.views,
          cardinality: 'one-to-many',
          joins: [{ from: 'id', to: 'customer_id' }],
        },
      })
    ).createRelationship.id;
    const definition = {
      version: 1,
      type: 'and',
      conditions: [
        { type: 'property', column: 'plan', operator: 'in', value: ['pro', 'enterprise'] },
        { type: 'event', relationshipId: ids.rel, window: { type: 'within_last_days', days: 30 } },
      ],
    };
    const audience = `mutation($i: CreateAudienceInput!) { createAudience(input: $i) { id } }`;
    ids.audience = (
      await ok(audience, { i: { name: 'Engaged', parentModelId: ids.customers, definition } })
    ).createAudience.id;
    ids.split = (
      await ok(audience, { i: { name: 'Engaged (split)', parentModelId: ids.customers, definition } })
    ).createAudience.id;
    await ok(`mutation($i: SetAudienceSplitsInput!) { setAudienceSplits(input: $i) { id } }`, {
      i: {
        audienceId: ids.split,
        groups: [
          { name: 'A', percent: 50 },
          { name: 'B', percent: 30 },
          { name: 'holdout', percent: 20, holdout: true },
        ],
      },
    });
    const destination = async (name: string, type: string, config: Record<string, unknown>) =>
      (
        await ok(`mutation($i: CreateDestinationInput!) { createDestination(input: $i) { id } }`, {
          i: { name, type, config },
        })
      ).createDestination.id as string;
    const metaDest = await destination('Meta', 'meta_custom_audiences', {
      accessToken: META_TOKEN,
      adAccountId: AD_ACCOUNT,
      baseUrl: meta.url,
    });
    const hsDest = await destination('HubSpot', 'hubspot', { accessToken: HS_TOKEN, baseUrl: hs.baseUrl });
    const sync = async (input: Record<string, unknown>) =>
      (
        await ok(`mutation($i: CreateSyncInput!) { createSync(input: $i) { id } }`, {
          i: { mode: 'mirror', ...input },
        })
      ).createSync.id as string;
    const metaMapping = [
      { from: 'id', to: 'EXTERN_ID' },
      { from: 'email', to: 'EMAIL' },
    ];
    ids.metaSync = await sync({
      name: 'Engaged → Meta',
      modelId: ids.audience,
      destinationId: metaDest,
      destinationObject: '23850000000000001',
      mapping: metaMapping,
    });
    ids.hsSync = await sync({
      name: 'Engaged → HubSpot',
      modelId: ids.audience,
      destinationId: hsDest,
      destinationObject: `list:${ids.list}`,
      mapping: [{ from: 'id', to: 'customer_id' }],
    });
    ids.splitA = await sync({
      name: 'Split A → Meta',
      modelId: ids.split,
      splitGroup: 'A',
      destinationId: metaDest,
      destinationObject: '23850000000000002',
      mapping: metaMapping,
    });
    ids.splitB = await sync({
      name: 'Split B → HubSpot',
      modelId: ids.split,
      splitGroup: 'B',
      destinationId: hsDest,
      destinationObject: `list:${ids.splitList}`,
      mapping: [{ from: 'id', to: 'customer_id' }],
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await worker?.stop();
    await meta?.close();
    await hs?.close();
    await wh?.end();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  const changes = async (audienceId: string, syncId: string) =>
    (
      await ok(
        `query($a: ID!, $s: ID) { audienceMembershipChanges(audienceId: $a, syncId: $s, first: 1000) { nodes { key change splitGroup runId } } }`,
        { a: audienceId, s: syncId },
      )
    ).audienceMembershipChanges.nodes as {
      key: string;
      change: string;
      splitGroup: string | null;
      runId: string;
    }[];

  it('mirrors the audience to Meta and a HubSpot list; the next run adds and removes exactly who entered and left', async () => {
    const first = await expectedMembers();
    expect(first.length).toBeGreaterThan(5);
    const [metaRun, hsRun] = [
      await worker.runToCompletion(ids.metaSync!),
      await worker.runToCompletion(ids.hsSync!),
    ];
    expect(metaRun.counts.succeeded).toEqual({ added: first.length, changed: 0, removed: 0 });
    expect(hsRun.counts.succeeded).toEqual({ added: first.length, changed: 0, removed: 0 });
    expect(metaMembers('23850000000000001')).toEqual(new Set(first.map((id) => sha(String(id)))));
    expect(listMembers(ids.list!)).toEqual(new Set(first.map((id) => `c${id}@example.com`)));

    // One member leaves (plan), one enters (a fresh page view), one enters by upgrading.
    const leaving = first[0]!;
    const lapsed = (
      await wh.query(
        `SELECT c.id FROM customers c WHERE plan = 'pro' AND NOT EXISTS (SELECT 1 FROM page_views v WHERE v.customer_id = c.id AND v.viewed_at >= now() - interval '30 days') LIMIT 1`,
      )
    ).rows[0].id as number;
    const upgrading = (
      await wh.query(
        `SELECT c.id FROM customers c WHERE plan = 'free' AND EXISTS (SELECT 1 FROM page_views v WHERE v.customer_id = c.id AND v.viewed_at >= now() - interval '30 days') LIMIT 1`,
      )
    ).rows[0].id as number;
    await wh.query(`UPDATE customers SET plan = 'free' WHERE id = $1`, [leaving]);
    await wh.query(
      `INSERT INTO page_views (customer_id, path, viewed_at) VALUES ($1, '/docs', now() - interval '1 hour')`,
      [lapsed],
    );
    await wh.query(`UPDATE customers SET plan = 'enterprise' WHERE id = $1`, [upgrading]);
    const second = await expectedMembers();
    expect(new Set(second)).toEqual(new Set([...first.filter((id) => id !== leaving), lapsed, upgrading]));

    const metaAgain = await worker.runToCompletion(ids.metaSync!);
    const hsAgain = await worker.runToCompletion(ids.hsSync!);
    for (const run of [metaAgain, hsAgain]) {
      expect(run.counts.planned).toEqual({ added: 2, changed: 0, removed: 1 });
      expect(run.counts.succeeded).toEqual({ added: 2, changed: 0, removed: 1 });
    }
    expect(metaMembers('23850000000000001')).toEqual(new Set(second.map((id) => sha(String(id)))));
    expect(listMembers(ids.list!)).toEqual(new Set(second.map((id) => `c${id}@example.com`)));

    const history = await changes(ids.audience!, ids.metaSync!);
    expect(
      history
        .filter((c) => c.runId === metaRun.runId)
        .map((c) => Number(c.key))
        .sort((a, b) => a - b),
    ).toEqual(first);
    expect(
      history
        .filter((c) => c.runId === metaAgain.runId)
        .map((c) => `${c.change}:${c.key}`)
        .sort(),
    ).toEqual([`left:${leaving}`, `entered:${lapsed}`, `entered:${upgrading}`].sort());
    expect(history.every((c) => c.splitGroup === null)).toBe(true);
    const page = `query($a: ID!, $after: String) { audienceMembershipChanges(audienceId: $a, first: 2, after: $after) { nodes { key runId } endCursor hasNextPage } }`;
    const one = (await ok(page, { a: ids.audience })).audienceMembershipChanges;
    const two = (await ok(page, { a: ids.audience, after: one.endCursor })).audienceMembershipChanges;
    expect(one.hasNextPage).toBe(true);
    expect([...one.nodes, ...two.nodes].map((n: { key: string }) => n.key)).toEqual(
      (await changes(ids.audience!, undefined as unknown as string)).slice(0, 4).map((c) => c.key),
    );
    expect((await worker.runToCompletion(ids.metaSync!)).counts.planned).toEqual({
      added: 0,
      changed: 0,
      removed: 0,
    });
  });

  it('sends each split group to its own destination and the holdout nowhere', async () => {
    const members = await expectedMembers();
    const groupOf = (id: number) => {
      const b = bucketOf(ids.split!, id);
      return b < 5000 ? 'A' : b < 8000 ? 'B' : 'holdout';
    };
    const inA = members.filter((id) => groupOf(id) === 'A');
    const inB = members.filter((id) => groupOf(id) === 'B');
    const holdout = members.filter((id) => groupOf(id) === 'holdout');
    expect(inA.length * inB.length).toBeGreaterThan(0);
    const a = await worker.runToCompletion(ids.splitA!);
    const b = await worker.runToCompletion(ids.splitB!);
    expect(a.counts.succeeded.added).toBe(inA.length);
    expect(b.counts.succeeded.added).toBe(inB.length);
    expect(metaMembers('23850000000000002')).toEqual(new Set(inA.map((id) => sha(String(id)))));
    expect(listMembers(ids.splitList!)).toEqual(new Set(inB.map((id) => `c${id}@example.com`)));
    const everywhere = [
      ...meta.members('23850000000000002').map((m) => m.EXTERN_ID),
      ...hs.listMembers(ids.splitList!),
    ];
    for (const id of holdout) {
      expect(everywhere).not.toContain(sha(String(id)));
      expect(listMembers(ids.splitList!).has(`c${id}@example.com`)).toBe(false);
    }
    const historyA = await changes(ids.split!, ids.splitA!);
    expect(historyA.map((c) => Number(c.key)).sort((x, y) => x - y)).toEqual(inA);
    expect(new Set(historyA.map((c) => `${c.change}/${c.splitGroup}`))).toEqual(new Set(['entered/A']));
    expect(new Set((await changes(ids.split!, ids.splitB!)).map((c) => c.splitGroup))).toEqual(
      new Set(['B']),
    );
  });
});
