import { createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import { Client } from 'pg';
import { describeDestinationContract } from '../../../testing/destination-contract';
import { startFakePostgres, type FakePostgresServer } from '../../../testing/fake-postgres-server';
import { postgresDestination } from '../postgres-destination';
import { destinationConfigFor } from './pg-test-config';

let db: TestDatabase;
let admin: Client;
let fakeServer: FakePostgresServer;
let tables = 0;

beforeAll(async () => {
  db = await createEmptyDatabase('sl_dest');
  admin = new Client({ connectionString: db.url });
  await admin.connect();
  fakeServer = await startFakePostgres('reject-password');
});

afterAll(async () => {
  await fakeServer.close();
  await admin.end();
  await db.drop();
});

describeDestinationContract(
  'postgres (mirror)',
  async () => {
    const table = `contract_${++tables}`;
    await admin.query(`CREATE TABLE ${table} (id text PRIMARY KEY, name text NOT NULL)`);
    const config = destinationConfigFor(db);
    const secret = `pw-${table}-0123456789`;
    return {
      connector: postgresDestination,
      config,
      context: { mode: 'mirror', object: table, keyField: 'id' },
      removes: true,
      readBack: async () => {
        const { rows } = await admin.query<{ id: string; name: string }>(`SELECT id, name FROM ${table}`);
        return new Map(rows.map((r) => [r.id, { name: r.name }]));
      },
      invalidRecord: { key: 'bad', op: 'added', fields: { name: null }, idempotencyKey: 'bad:1' },
      invalidConfig: { ...config, port: 'five', password: secret },
      wrongSecrets: {
        config: { ...config, host: '127.0.0.1', port: fakeServer.port, password: secret },
        secrets: [secret],
      },
      teardown: async () => {
        await admin.query(`DROP TABLE ${table}`);
      },
    };
  },
  { transport: 'database' },
);
