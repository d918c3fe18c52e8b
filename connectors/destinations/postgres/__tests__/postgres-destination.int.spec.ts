import type { DestinationRecord, WriteContext } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { createEmptyDatabase, type TestDatabase } from '@syncline/testing';
import { Client } from 'pg';
import { postgresDestination } from '../postgres-destination';
import type { PostgresDestinationConfig } from '../postgres-destination.config';
import { destinationConfigFor } from './pg-test-config';

let db: TestDatabase;
let admin: Client;
let config: PostgresDestinationConfig;

beforeAll(async () => {
  db = await createEmptyDatabase('sl_dest');
  config = destinationConfigFor(db);
  admin = new Client({ connectionString: db.url });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
  await db.drop();
});

let tableSeq = 0;
/** A fresh `contacts_N` table: int key, NOT NULL email, a checked score, jsonb traits. */
async function contactsTable(): Promise<string> {
  const table = `contacts_${++tableSeq}`;
  await admin.query(`CREATE TABLE ${table} (
    customer_id int PRIMARY KEY, email text NOT NULL, score int CHECK (score >= 0), traits jsonb,
    created_at timestamptz NOT NULL DEFAULT now())`);
  return table;
}

const rec = (
  key: string,
  fields: Record<string, unknown>,
  op: DestinationRecord['op'] = 'added',
): DestinationRecord => ({
  key,
  op,
  fields,
  idempotencyKey: `${key}:${op}:${JSON.stringify(fields)}`,
});

const rows = async (table: string) =>
  (await admin.query(`SELECT customer_id, email, score, traits FROM ${table} ORDER BY customer_id`)).rows;

const writeTo = (table: string, mode: WriteContext['mode'], records: DestinationRecord[]) =>
  postgresDestination.write(config, records, { mode, object: table, keyField: 'customer_id' });

async function writeError(run: () => Promise<unknown>): Promise<SynclineError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SynclineError);
  return err as SynclineError;
}

describe('postgres destination: modes', () => {
  it('upsert inserts new rows and overwrites mapped columns of existing ones', async () => {
    const table = await contactsTable();
    await writeTo(table, 'upsert', [
      rec('1', { email: 'a@x', score: 1 }),
      rec('2', { email: 'b@x', score: 2 }),
    ]);
    const outcomes = await writeTo(table, 'upsert', [
      rec('2', { email: 'b2@x', score: 5 }, 'changed'),
      rec('3', { email: 'c@x' }),
    ]);
    expect(outcomes).toEqual([
      { key: '2', status: 'accepted' },
      { key: '3', status: 'accepted' },
    ]);
    expect(await rows(table)).toEqual([
      { customer_id: 1, email: 'a@x', score: 1, traits: null },
      { customer_id: 2, email: 'b2@x', score: 5, traits: null },
      { customer_id: 3, email: 'c@x', score: null, traits: null },
    ]);
  });

  it('insert adds new rows and leaves existing ones untouched (replays are no-ops)', async () => {
    const table = await contactsTable();
    await writeTo(table, 'insert', [rec('1', { email: 'first@x' })]);
    const outcomes = await writeTo(table, 'insert', [
      rec('1', { email: 'second@x' }),
      rec('2', { email: 'b@x' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect((await rows(table)).map((r) => r.email)).toEqual(['first@x', 'b@x']);
  });

  it('update changes existing rows and rejects keys without a row', async () => {
    const table = await contactsTable();
    await admin.query(`INSERT INTO ${table} (customer_id, email) VALUES (1, 'a@x')`);
    const outcomes = await writeTo(table, 'update', [
      rec('1', { email: 'a2@x', score: 9 }),
      rec('404', { email: 'ghost@x' }),
    ]);
    expect(outcomes[0]).toEqual({ key: '1', status: 'accepted' });
    expect(outcomes[1]).toEqual({
      key: '404',
      status: 'rejected',
      reason: expect.stringContaining('No row with customer_id = 404'),
    });
    expect(await rows(table)).toEqual([{ customer_id: 1, email: 'a2@x', score: 9, traits: null }]);
  });

  it('mirror upserts and deletes removed rows; other modes accept removals without deleting', async () => {
    const table = await contactsTable();
    await writeTo(table, 'mirror', [rec('1', { email: 'a@x' }), rec('2', { email: 'b@x' })]);
    expect(await writeTo(table, 'upsert', [rec('1', {}, 'removed')])).toEqual([
      { key: '1', status: 'accepted' },
    ]);
    expect(await rows(table)).toHaveLength(2);
    const outcomes = await writeTo(table, 'mirror', [rec('1', {}, 'removed'), rec('3', { email: 'c@x' })]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect((await rows(table)).map((r) => r.customer_id)).toEqual([2, 3]);
  });

  it('stores objects and arrays in jsonb columns as JSON', async () => {
    const table = await contactsTable();
    await writeTo(table, 'upsert', [rec('1', { email: 'a@x', traits: ['vip', { tier: 2 }] })]);
    expect((await rows(table))[0]!.traits).toEqual(['vip', { tier: 2 }]);
  });

  it('treats hostile identifiers and values as data, never as SQL', async () => {
    await admin.query(`CREATE TABLE "we""ird; table" ("key""col" text PRIMARY KEY, "val'ue" text)`);
    const evil = `x'); DROP TABLE "we""ird; table"; --`;
    const outcomes = await postgresDestination.write(config, [rec('k1', { "val'ue": evil })], {
      mode: 'upsert',
      object: 'we"ird; table',
      keyField: 'key"col',
    });
    expect(outcomes).toEqual([{ key: 'k1', status: 'accepted' }]);
    const { rows: stored } = await admin.query(`SELECT "val'ue" AS v FROM "we""ird; table"`);
    expect(stored).toEqual([{ v: evil }]);
  });
});

describe('postgres destination: per-row outcomes', () => {
  it('rejects only the rows that break the table rules, with Postgres messages, and keeps the rest', async () => {
    const table = await contactsTable();
    const outcomes = await writeTo(table, 'upsert', [
      rec('1', { email: 'a@x', score: 1 }),
      rec('2', { email: null, score: 1 }),
      rec('3', { email: 'c@x', score: -5 }),
      rec('4', { email: 'd@x', score: 'many' }),
      rec('5', { email: 'e@x', score: 5 }),
    ]);
    expect(outcomes.map((o) => [o.key, o.status])).toEqual([
      ['1', 'accepted'],
      ['2', 'rejected'],
      ['3', 'rejected'],
      ['4', 'rejected'],
      ['5', 'accepted'],
    ]);
    const reasons = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(reasons[0]).toMatch(/null value in column "email".*violates not-null constraint/);
    expect(reasons[1]).toMatch(/violates check constraint/);
    expect(reasons[2]).toMatch(/invalid input syntax for type integer/);
    expect((await rows(table)).map((r) => r.customer_id)).toEqual([1, 5]);
  });

  it('applies the last record when a key repeats within a batch', async () => {
    const table = await contactsTable();
    const outcomes = await writeTo(table, 'upsert', [
      rec('1', { email: 'old@x' }),
      rec('1', { email: 'new@x' }, 'changed'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect((await rows(table)).map((r) => r.email)).toEqual(['new@x']);
  });

  it('writes a large batch with multi-row statements', async () => {
    const table = await contactsTable();
    const records = Array.from({ length: 500 }, (_, i) => rec(String(i + 1), { email: `u${i}@x`, score: i }));
    const outcomes = await writeTo(table, 'mirror', records);
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(500);
    expect((await admin.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(500);
  });
});

describe('postgres destination: configuration errors', () => {
  it('names a missing table', async () => {
    const err = await writeError(() => writeTo('no_such_table', 'upsert', [rec('1', { email: 'a@x' })]));
    expect(err.code).toBe(ErrorCode.InvalidConfig);
    expect(err.message).toContain('table "public"."no_such_table" does not exist');
  });

  it('asks for a table and for the key mapping', async () => {
    const noTable = await writeError(() =>
      postgresDestination.write(config, [rec('1', {})], { mode: 'upsert', keyField: 'customer_id' }),
    );
    expect(noTable.code).toBe(ErrorCode.InvalidConfig);
    expect(noTable.message).toContain('choose a table');
    const noKey = await writeError(() =>
      postgresDestination.write(config, [rec('1', {})], { mode: 'upsert', object: 'x' }),
    );
    expect(noKey.code).toBe(ErrorCode.InvalidMapping);
    expect(noKey.message).toContain("map the model's primary key to a column");
  });

  it('names mapped columns the table does not have', async () => {
    const table = await contactsTable();
    const err = await writeError(() => writeTo(table, 'upsert', [rec('1', { email: 'a@x', phone: '1' })]));
    expect(err.code).toBe(ErrorCode.InvalidMapping);
    expect(err.details).toEqual({ missingColumns: ['phone'] });
  });

  it('explains that insert/upsert need a unique key column', async () => {
    await admin.query(`CREATE TABLE no_key (customer_id int, email text)`);
    const err = await writeError(() => writeTo('no_key', 'upsert', [rec('1', { email: 'a@x' })]));
    expect(err.code).toBe(ErrorCode.InvalidConfig);
    expect(err.message).toContain('primary key or unique constraint');
  });

  it('fails with DestinationConnectionFailed when the server cannot be reached', async () => {
    const err = await writeError(() =>
      postgresDestination.write({ ...config, port: 1 }, [rec('1', {})], {
        mode: 'upsert',
        object: 'x',
        keyField: 'id',
      }),
    );
    expect(err.code).toBe(ErrorCode.DestinationConnectionFailed);
    expect(err.message).toContain('Cannot reach Postgres at 127.0.0.1:1');
  });

  it('stops a write when the signal aborts and reports it as retryable', async () => {
    const table = await contactsTable();
    const err = await writeError(() =>
      postgresDestination.write(config, [rec('1', { email: 'a@x' })], {
        mode: 'upsert',
        object: table,
        keyField: 'customer_id',
        signal: AbortSignal.abort(),
      }),
    );
    expect(err.code).toBe(ErrorCode.DestinationUnavailable);
    expect(await rows(table)).toEqual([]);
  });
});

describe('postgres destination: objects and fields', () => {
  it('lists the tables of the schema with every mode', async () => {
    const table = await contactsTable();
    const objects = await postgresDestination.objects(config);
    expect(objects).toContainEqual({ name: table, modes: ['insert', 'update', 'upsert', 'mirror'] });
  });

  it('lists columns with required = NOT NULL without a default', async () => {
    const table = await contactsTable();
    expect(await postgresDestination.fields(config, table)).toEqual([
      { name: 'customer_id', type: 'integer', required: true },
      { name: 'email', type: 'string', required: true },
      { name: 'score', type: 'integer', required: false },
      { name: 'traits', type: 'json', required: false },
      { name: 'created_at', type: 'datetime', required: false },
    ]);
    const err = await writeError(() => postgresDestination.fields(config, 'nope'));
    expect(err.code).toBe(ErrorCode.InvalidConfig);
  });
});
