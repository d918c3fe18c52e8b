/**
 * Field mappings through the API: templates are parsed when a sync is saved, `to` fields are checked against
 * the destination object's discovered fields, an unreachable destination does not block the save, and a
 * saved template + nested mapping is delivered by a real run.
 */
import type { INestApplication } from '@nestjs/common';
import {
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  testEncryptionKey,
  waitFor,
  type TestDatabase,
} from '@syncline/testing';
import { startTestWorker, type TestWorker } from '@syncline/worker/src/__tests__/helpers/test-worker';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Client as PgClient } from 'pg';
import {
  createTestApp,
  errorCode,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
  type GraphqlClient,
} from './helpers/create-test-app';

const TASK_QUEUE = `mapping-${randomBytes(4).toString('hex')}`;
const CREATE_SYNC = `mutation($input: CreateSyncInput!) { createSync(input: $input) { id mapping } }`;
const UPDATE_SYNC = `mutation($input: UpdateSyncInput!) { updateSync(input: $input) { id mapping } }`;

jest.setTimeout(90_000);

/** A port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sync field mappings', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let wh: PgClient;
  let app: INestApplication;
  let worker: TestWorker;
  let gql: GraphqlClient;
  const ids: Record<string, string> = {};

  async function create(kind: string, input: Record<string, unknown>): Promise<string> {
    const res = await gql<Record<string, { id: string }>>(
      `mutation($input: Create${kind}Input!) { create${kind}(input: $input) { id } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    return res.data![`create${kind}`]!.id;
  }

  const contactsSync = (mapping: unknown[], overrides: Record<string, unknown> = {}) => ({
    input: {
      name: 'Customers → contacts',
      modelId: ids.model,
      destinationId: ids.postgres,
      destinationObject: 'contacts',
      mode: 'upsert',
      mapping,
      ...overrides,
    },
  });

  beforeAll(async () => {
    const encryptionKey = testEncryptionKey();
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    wh = new PgClient({ connectionString: warehouse.url });
    await wh.connect();
    await wh.query(`CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, first_name text, city text);
      INSERT INTO customers VALUES (1, 'ada@example.com', 'ada', 'London'), (2, 'alan@example.com', 'alan', NULL);
      CREATE TABLE contacts (id int PRIMARY KEY, email text NOT NULL, full_name text, address jsonb,
                             created_at timestamptz NOT NULL DEFAULT now());`);
    app = await createTestApp(
      testApiConfig({ databaseUrl: controlPlane.url, taskQueue: TASK_QUEUE, encryptionKey }),
    );
    gql = graphqlClient(app, (await seedWorkspace(app)).apiKey);
    worker = await startTestWorker(controlPlane.url, encryptionKey, TASK_QUEUE);
    const config = pgConnectorConfig(warehouse.url);
    const sourceId = await create('Source', { name: 'Warehouse', type: 'postgres', config });
    ids.model = await create('Model', {
      name: 'Customers',
      sourceId,
      sql: 'SELECT id, email, first_name, city FROM customers',
      primaryKey: 'id',
    });
    ids.postgres = await create('Destination', { name: 'App database', type: 'postgres', config });
    ids.unreachable = await create('Destination', {
      name: 'Offline database',
      type: 'postgres',
      config: { ...config, host: '127.0.0.1', port: await closedPort() },
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await wh?.end();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  it('lists the objects and typed fields a mapping can use', async () => {
    const objects = await gql(`query($id: ID!) { destinationObjects(destinationId: $id) { name modes } }`, {
      id: ids.postgres,
    });
    expect(objects.errors).toBeUndefined();
    expect(objects.data?.destinationObjects).toEqual(
      expect.arrayContaining([{ name: 'contacts', modes: ['insert', 'update', 'upsert', 'mirror'] }]),
    );
    const fields = await gql(
      `query($id: ID!) { destinationFields(destinationId: $id, object: "contacts") { name type required } }`,
      { id: ids.postgres },
    );
    expect(fields.data?.destinationFields).toEqual([
      { name: 'id', type: 'integer', required: true },
      { name: 'email', type: 'string', required: true },
      { name: 'full_name', type: 'string', required: false },
      { name: 'address', type: 'json', required: false },
      { name: 'created_at', type: 'datetime', required: false },
    ]);
  });

  it('refuses a template Liquid cannot parse, with the parse error', async () => {
    const res = await gql(
      CREATE_SYNC,
      contactsSync([
        { from: 'id', to: 'id' },
        { from: 'email', to: 'email' },
        { template: '{{ row.first_name | capitalize ', to: 'full_name' },
      ]),
    );
    expect(errorCode(res)).toBe('INVALID_MAPPING');
    expect(res.errors?.[0]?.message).toMatch(/mapping\[2\]\.template: output .* not closed/);
  });

  it('refuses a template using an unknown filter', async () => {
    const res = await gql(
      CREATE_SYNC,
      contactsSync([
        { from: 'id', to: 'id' },
        { from: 'email', to: 'email' },
        { template: '{{ row.first_name | titlecase }}', to: 'full_name' },
      ]),
    );
    expect(errorCode(res)).toBe('INVALID_MAPPING');
    expect(res.errors?.[0]?.message).toContain('undefined filter: titlecase');
  });

  it('refuses a mapping to a column the table does not have, naming the known columns', async () => {
    const res = await gql(
      CREATE_SYNC,
      contactsSync([
        { from: 'id', to: 'id' },
        { from: 'email', to: 'email_address' },
      ]),
    );
    expect(errorCode(res)).toBe('INVALID_MAPPING');
    expect(res.errors?.[0]?.message).toContain('"email_address" is not a field of the destination');
    expect(res.errors?.[0]?.message).toContain('required field "email" is not mapped');
    expect(res.errors?.[0]?.message).toContain('Known fields: id, email, full_name, address, created_at');
    expect(res.errors?.[0]?.extensions?.details?.knownFields).toEqual([
      'id',
      'email',
      'full_name',
      'address',
      'created_at',
    ]);
  });

  it('saves a sync to a destination it cannot reach, leaving the check to the run', async () => {
    const res = await gql(
      CREATE_SYNC,
      contactsSync([{ from: 'email', to: 'not_checked' }], { destinationId: ids.unreachable }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createSync.mapping).toEqual([{ from: 'email', to: 'not_checked' }]);
  });

  it('saves a template and nested mapping, checks updates the same way, and a run delivers it', async () => {
    const mapping = [
      { from: 'id', to: 'id' },
      { from: 'email', to: 'email' },
      { template: '{{ row.first_name | capitalize }} <{{ row.email }}>', to: 'full_name' },
      { from: 'city', to: 'address.city' },
      { static: 'GB', to: 'address.country' },
    ];
    const saved = await gql(CREATE_SYNC, contactsSync(mapping));
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.createSync.mapping).toEqual(mapping);
    const syncId = saved.data!.createSync.id as string;

    const badUpdate = await gql(UPDATE_SYNC, {
      input: { id: syncId, mapping: [...mapping, { from: 'city', to: 'town' }] },
    });
    expect(errorCode(badUpdate)).toBe('INVALID_MAPPING');
    expect(badUpdate.errors?.[0]?.message).toContain('"town" is not a field of the destination');

    const started = await gql(`mutation($input: RunSyncInput!) { runSync(input: $input) { id } }`, {
      input: { syncId },
    });
    expect(started.errors).toBeUndefined();
    const status = await waitFor(
      async () => {
        const res = await gql(`query($id: ID!) { syncRun(id: $id) { status } }`, {
          id: started.data!.runSync.id,
        });
        const s = res.data?.syncRun.status as string;
        return ['success', 'warning', 'failed', 'cancelled'].includes(s) ? s : undefined;
      },
      { timeoutMs: 60_000, what: 'the run to finish' },
    );
    expect(status).toBe('success');
    const { rows } = await wh.query('SELECT id, email, full_name, address FROM contacts ORDER BY id');
    expect(rows).toEqual([
      {
        id: 1,
        email: 'ada@example.com',
        full_name: 'Ada <ada@example.com>',
        address: { city: 'London', country: 'GB' },
      },
      {
        id: 2,
        email: 'alan@example.com',
        full_name: 'Alan <alan@example.com>',
        address: { city: null, country: 'GB' },
      },
    ]);
  });
});
