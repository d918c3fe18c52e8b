/** The DuckDB source against a real .duckdb file written by the test, opened read-only by the source. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { collect, CUSTOMER_ROWS, describeSourceContract } from '../../../testing/source-contract';
import { duckdbSource } from '../duckdb-source';
import type { DuckdbSourceConfig } from '../duckdb-source.config';

const dir = mkdtempSync(join(tmpdir(), 'sl-duckdb-'));
const path = join(dir, 'warehouse.duckdb');
const config = (): DuckdbSourceConfig => ({ path });

beforeAll(async () => {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(`
    CREATE SCHEMA analytics;
    CREATE TABLE analytics.customers (id BIGINT PRIMARY KEY, email VARCHAR NOT NULL, score DECIMAL(10,2),
                                      active BOOLEAN, signed_up TIMESTAMP, tags VARCHAR[]);
    INSERT INTO analytics.customers
      SELECT i, 'user' || i || '@example.com', i / 3, i % 2 = 0, TIMESTAMP '2024-05-06 07:08:09', ['a']
        FROM range(1, ${CUSTOMER_ROWS + 1}) t(i);`);
  connection.closeSync();
  instance.closeSync();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSourceContract('duckdb', () => ({
  connector: duckdbSource,
  config,
  unreachable: () => ({ path: join(dir, 'missing.duckdb') }),
  table: 'analytics.customers',
  slowSql: 'SELECT sum(hash(i)) FROM range(100000000000) t(i)',
  writeSql: 'DELETE FROM analytics.customers WHERE id = 1',
}));

describe('duckdb source specifics', () => {
  it('reads timestamps as ISO text and lists as JSON arrays', async () => {
    const [batch] = await collect(
      duckdbSource.query(config(), 'SELECT signed_up, tags FROM analytics.customers WHERE id = 1'),
    );
    expect(batch!.columns.map((c) => c.type)).toEqual(['timestamp', 'json']);
    expect(batch!.rows[0]).toEqual({ signed_up: '2024-05-06 07:08:09', tags: ['a'] });
  });
});
