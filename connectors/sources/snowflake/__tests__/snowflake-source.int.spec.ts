/**
 * The Snowflake source through the real snowflake-sdk against PyPI fakesnow (behind the JSON-rowset adapter),
 * with password and key-pair logins.
 */
import { generateKeyPairSync } from 'node:crypto';
import { collect, CUSTOMER_ROWS, describeSourceContract } from '../../../testing/source-contract';
import { type Fakesnow, startFakesnow } from '../../../testing/fakesnow/start-fakesnow';
import { snowflakeSource } from '../snowflake-source';
import { type SnowflakeSourceConfig, snowflakeSourceSpec } from '../snowflake-source.config';
import { seedSnowflake } from '../../../testing/fakesnow/seed-snowflake';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

let fakesnow: Fakesnow;
const config = (): SnowflakeSourceConfig =>
  snowflakeSourceSpec.parse({
    account: 'syncline-test',
    username: 'SYNCLINE',
    password: 'correct-horse',
    database: 'ANALYTICS',
    schema: 'PUBLIC',
    warehouse: 'COMPUTE_WH',
    accessUrl: fakesnow.accessUrl,
  });

beforeAll(async () => {
  fakesnow = await startFakesnow({ user: 'SYNCLINE', password: 'correct-horse', publicKeyPem });
  await seedSnowflake(config(), [
    'CREATE DATABASE IF NOT EXISTS ANALYTICS',
    'CREATE SCHEMA IF NOT EXISTS ANALYTICS.PUBLIC',
    'CREATE TABLE customers (id NUMBER(38,0), email VARCHAR, score NUMBER(10,2), active BOOLEAN, signed_up DATE)',
    `INSERT INTO customers VALUES ${Array.from(
      { length: CUSTOMER_ROWS },
      (_, i) =>
        `(${i + 1}, 'user${i + 1}@example.com', ${((i + 1) / 3).toFixed(2)}, ${i % 2 === 1}, '2024-05-06')`,
    ).join(', ')}`,
  ]);
}, 60_000);

afterAll(async () => fakesnow?.stop());

describeSourceContract('snowflake', () => ({
  connector: snowflakeSource,
  config,
  wrongCredentials: () => ({ ...config(), password: 'wrong-password' }),
  unreachable: () => ({ ...config(), accessUrl: 'http://127.0.0.1:1', connectTimeoutMs: 2000 }),
  table: 'customers',
  slowSql: 'SELECT SYSTEM$WAIT(20)',
  // Snowflake has no read-only session: a read-only role is what keeps models from writing (see README).
  column: (name) => name.toUpperCase(),
}));

describe('snowflake source specifics', () => {
  it('logs in with a key pair, and refuses a key that does not match the user', async () => {
    const { password: _unused, ...base } = config();
    const keyPair = snowflakeSourceSpec.parse({ ...base, privateKey });
    await expect(snowflakeSource.check(keyPair)).resolves.toMatchObject({ ok: true });

    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongKey = other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const result = await snowflakeSource.check({ ...keyPair, privateKey: wrongKey });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('key pair') });
  });

  it('rejects a config with both or neither of password and privateKey', () => {
    const { password: _unused, ...base } = config();
    expect(snowflakeSourceSpec.safeParse(base).success).toBe(false);
    expect(snowflakeSourceSpec.safeParse({ ...base, password: 'x', privateKey: 'y' }).success).toBe(false);
  });

  it('reads dates as text', async () => {
    const [batch] = await collect(
      snowflakeSource.query(config(), 'SELECT signed_up FROM customers WHERE id = 1'),
    );
    expect(batch!.columns).toEqual([{ name: 'SIGNED_UP', type: 'date', nativeType: 'date' }]);
    expect(batch!.rows[0]!.SIGNED_UP).toMatch(/^2024-05-06/);
  });
});
