/**
 * The in-warehouse CDC dialect for Snowflake (libs/cdc), run statement by statement on fakesnow as far as
 * fakesnow's SQL translation goes: first diff, snapshot upsert, second diff after an update and a delete.
 */
import { snowflakeDialect } from '../snowflake.dialect';
import type { Connection } from 'snowflake-sdk';
import { type Fakesnow, startFakesnow } from '@syncline/connectors/testing/fakesnow/start-fakesnow';
import { seedSnowflake } from '@syncline/connectors/testing/fakesnow/seed-snowflake';
import { closeSnowflake, connectSnowflake } from '@syncline/connectors/sources/snowflake/connect';
import { snowflakeSourceSpec } from '@syncline/connectors/sources/snowflake/snowflake-source.config';

const SYNC_ID = '0b6f3c1e-1111-4222-8333-944445555666';
// Qualified: CREATE SCHEMA (the planner's) switches the session's current schema, see the dialect.
const MODEL = 'SELECT id, email, plan FROM WH.PUBLIC.customers';
const COLUMNS = [
  { column: 'ID', field: 'customer_id' },
  { column: 'EMAIL', field: 'email' },
  { column: 'PLAN', field: 'plan' },
];

let fakesnow: Fakesnow;
let connection: Connection;

function run(sqlText: string, binds: string[] = []): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      binds,
      complete: (err, _stmt, rows) =>
        err ? reject(err) : resolve((rows ?? []) as Record<string, unknown>[]),
    });
  });
}

async function plan(): Promise<Record<string, unknown>[]> {
  for (const sql of snowflakeDialect.ensureSnapshot(SYNC_ID)) await run(sql);
  for (const sql of snowflakeDialect.materializeCurrent(MODEL, 'ID', COLUMNS)) await run(sql);
  return run(snowflakeDialect.diffSql(SYNC_ID, false, MODEL, 'ID', COLUMNS));
}

beforeAll(async () => {
  fakesnow = await startFakesnow({ user: 'SYNCLINE', password: 'pw' });
  const config = snowflakeSourceSpec.parse({
    account: 'syncline-test',
    username: 'SYNCLINE',
    password: 'pw',
    database: 'WH',
    schema: 'PUBLIC',
    accessUrl: fakesnow.accessUrl,
  });
  await seedSnowflake(config, [
    'CREATE DATABASE IF NOT EXISTS WH',
    'CREATE SCHEMA IF NOT EXISTS WH.PUBLIC',
    'CREATE TABLE customers (id NUMBER(38,0), email VARCHAR, plan VARCHAR)',
    "INSERT INTO customers VALUES (1, 'a@x.com', 'free'), (2, 'b@x.com', NULL), (3, 'c@x.com', 'pro')",
  ]);
  connection = await connectSnowflake(config);
}, 60_000);

afterAll(async () => {
  if (connection) await closeSnowflake(connection);
  await fakesnow?.stop();
});

describe('snowflake in-warehouse CDC dialect (on fakesnow)', () => {
  it('counts the model and finds no duplicate keys', async () => {
    await plan();
    const [counts] = await run(snowflakeDialect.countsSql());
    expect(counts).toEqual({ total: 3, null_keys: 0, duplicate_rows: 0 });
    expect(await run(snowflakeDialect.duplicateSampleSql(5))).toEqual([]);
  });

  it('plans every row as added, then only what changed after the snapshot advanced', async () => {
    const first = await plan();
    expect(first.map((r) => [r.op, r.key])).toEqual([
      ['added', '1'],
      ['added', '2'],
      ['added', '3'],
    ]);
    expect(JSON.parse(String(first[1]!.payload))).toEqual({ customer_id: 2, email: 'b@x.com', plan: null });

    const advance = snowflakeDialect.upsertSnapshot(
      SYNC_ID,
      first.map((r) => String(r.key)),
      first.map((r) => String(r.row_hash)),
    );
    await run(advance.sql, advance.params as string[]);
    expect(await plan()).toEqual([]);

    await run("UPDATE WH.PUBLIC.customers SET plan = 'pro' WHERE id = 2");
    await run('DELETE FROM WH.PUBLIC.customers WHERE id = 3');
    const second = await plan();
    expect(second.map((r) => [r.op, r.key])).toEqual([
      ['changed', '2'],
      ['removed', '3'],
    ]);

    const removed = snowflakeDialect.deleteFromSnapshot(SYNC_ID, ['3']);
    await run(removed.sql, removed.params as string[]);
    for (const sql of snowflakeDialect.resetSnapshot(SYNC_ID)) await run(sql);
    expect(await plan()).toEqual([]);
  });
});
