/** The MySQL source against the MariaDB server on 127.0.0.1:3306 (a database of its own, dropped after). */
import { randomBytes } from 'node:crypto';
import { ErrorCode } from '@syncline/errors';
import { collect, CUSTOMER_ROWS, describeSourceContract, failure } from '../../../testing/source-contract';
import { connectMysql, endMysql, mysqlQuery } from '../connect';
import { mysqlSource } from '../mysql-source';
import { type MysqlSourceConfig, mysqlSourceSpec } from '../mysql-source.config';
import { mariadbAdminConfig } from '../../../testing/mariadb-test-config';

const database = `sl_my_${randomBytes(4).toString('hex')}`;
const config = (): MysqlSourceConfig => mysqlSourceSpec.parse({ ...mariadbAdminConfig(), database });

async function admin(sql: string, db?: string): Promise<void> {
  const connection = await connectMysql(
    mysqlSourceSpec.parse({ ...mariadbAdminConfig(), database: db ?? 'mysql' }),
  );
  try {
    await mysqlQuery(connection, sql);
  } finally {
    await endMysql(connection);
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`);
  await admin(
    `CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL, score DECIMAL(10,2), active BOOLEAN,
       signed_up DATETIME, payload JSON)`,
    database,
  );
  await admin(
    `INSERT INTO customers (id, email, score, active, signed_up)
       SELECT seq, CONCAT('user', seq, '@example.com'), seq / 3, seq % 2 = 0, '2024-05-06 07:08:09'
         FROM seq_1_to_${CUSTOMER_ROWS}`,
    database,
  );
});

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${database}`);
});

describeSourceContract('mysql', () => ({
  connector: mysqlSource,
  config,
  wrongCredentials: () => ({ ...config(), user: 'sl_nobody', password: 'wrong-password' }),
  unreachable: () => ({ ...config(), port: 1, connectTimeoutMs: 1000 }),
  table: 'customers',
  slowSql: 'SELECT SLEEP(20) AS slept',
  writeSql: 'DELETE FROM customers WHERE id = 1',
}));

describe('mysql source specifics', () => {
  it('reads DATETIME as UTC and reports the server message for a missing table', async () => {
    const [batch] = await collect(
      mysqlSource.query(config(), 'SELECT signed_up FROM customers WHERE id = 1'),
    );
    expect((batch!.rows[0]!.signed_up as Date).toISOString()).toBe('2024-05-06T07:08:09.000Z');
    const err = await failure(() => collect(mysqlSource.query(config(), 'SELECT * FROM nope')));
    expect(err.code).toBe(ErrorCode.InvalidQuery);
    expect(err.message).toContain("doesn't exist");
  });

  it('reports an unknown database', async () => {
    const result = await mysqlSource.check({ ...config(), database: 'sl_missing_db' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
  });
});
