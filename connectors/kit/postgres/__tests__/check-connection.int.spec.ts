import { createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import { postgresDestination } from '../../../destinations/postgres/postgres-destination';
import { postgresSource } from '../../../sources/postgres/postgres-source';
import { startFakePostgres, type FakePostgresServer } from '../../../testing/fake-postgres-server';
import { checkPgConnection } from '../check-connection';
import type { PgConnectionConfig } from '../connection-config';

let db: TestDatabase;
let config: PgConnectionConfig;
let passwordServer: FakePostgresServer;
let silentServer: FakePostgresServer;

beforeAll(async () => {
  db = await createEmptyDatabase();
  const url = new URL(db.url);
  config = {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: db.name,
    user: 'postgres',
    ssl: false,
  };
  passwordServer = await startFakePostgres('reject-password');
  silentServer = await startFakePostgres('silent');
});

afterAll(async () => {
  await passwordServer.close();
  await silentServer.close();
  await db.drop();
});

describe('postgres check (source and destination)', () => {
  it('reports ok for a reachable database', async () => {
    expect(await postgresSource.check(config)).toEqual({
      ok: true,
      message: expect.stringContaining(db.name),
    });
    expect((await postgresDestination.check({ ...config, schema: 'public' })).ok).toBe(true);
  });

  it('explains a wrong password without revealing it', async () => {
    const password = 'hunter2-very-secret-value';
    const result = await postgresSource.check({ ...config, port: passwordServer.port, password });
    expect(passwordServer.passwordsSeen).toContain(password);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('refused the credentials for user "postgres"');
    expect(result.message).toContain('check the user name and password');
    expect(result.message).not.toContain(password);
  });

  it('explains an unknown database', async () => {
    const result = await postgresSource.check({ ...config, database: 'sl_does_not_exist' });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('Database "sl_does_not_exist" does not exist'),
    });
  });

  it('explains an unknown role as a credentials problem', async () => {
    const result = await postgresDestination.check({ ...config, schema: 'public', user: 'sl_no_such_role' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('refused the credentials for user "sl_no_such_role"');
  });

  it('explains a port where nothing listens', async () => {
    const result = await postgresSource.check({ ...config, port: 1 });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Cannot reach Postgres at 127.0.0.1:1');
    expect(result.message).toContain('ECONNREFUSED');
  });

  it('explains an unresolvable host', async () => {
    const result = await postgresSource.check({ ...config, host: 'no-such-host.invalid' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Cannot reach Postgres at no-such-host.invalid');
  });

  it('gives up on a server that never answers after the connect timeout', async () => {
    const started = Date.now();
    const result = await checkPgConnection(
      { ...config, port: silentServer.port },
      { applicationName: 'test', connectTimeoutMs: 300 },
    );
    expect(result.ok).toBe(false);
    expect(result.message).toContain('no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
