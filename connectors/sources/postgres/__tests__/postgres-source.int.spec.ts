import { ErrorCode, SynclineError } from '@syncline/errors';
import { createEmptyDatabase, type TestDatabase, waitFor } from '@syncline/testing';
import { Client } from 'pg';
import type { RowBatch } from '@syncline/domain';
import { postgresSource } from '../postgres-source';
import type { PostgresSourceConfig } from '../postgres-source.config';

let db: TestDatabase;
let config: PostgresSourceConfig;

function configFor(database: TestDatabase): PostgresSourceConfig {
  const url = new URL(database.url);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: database.name,
    user: decodeURIComponent(url.username),
    ssl: false,
  };
}

async function sql(text: string): Promise<void> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function collect(iterable: AsyncIterable<RowBatch>): Promise<RowBatch[]> {
  const batches: RowBatch[] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

async function queryError(run: () => Promise<unknown>): Promise<SynclineError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SynclineError);
  return err as SynclineError;
}

beforeAll(async () => {
  db = await createEmptyDatabase();
  config = configFor(db);
  await sql(`
    CREATE SCHEMA analytics;
    CREATE TABLE analytics.users (id bigint PRIMARY KEY, email text NOT NULL, score numeric(10,2), active boolean,
                                  signed_up timestamptz, tags text[]);
    CREATE TABLE public.events (id serial PRIMARY KEY, payload jsonb);
    INSERT INTO analytics.users SELECT g, 'user' || g || '@example.com', g / 3.0, g % 2 = 0, now(), ARRAY['a']
      FROM generate_series(1, 2500) g;`);
});

afterAll(async () => {
  await db.drop();
});

describe('postgres source: query', () => {
  it('streams a large result in batches of batchSize', async () => {
    const batches = await collect(
      postgresSource.query(config, 'SELECT id, email FROM analytics.users ORDER BY id', { batchSize: 1000 }),
    );
    expect(batches.map((b) => b.rows.length)).toEqual([1000, 1000, 500]);
    expect(batches[2]!.rows.at(-1)).toEqual({ id: '2500', email: 'user2500@example.com' });
  });

  it('types the columns of the result and keeps int8 / numeric exact as strings', async () => {
    const [batch] = await collect(
      postgresSource.query(
        config,
        'SELECT id, score, active, signed_up, tags FROM analytics.users WHERE id = 5',
      ),
    );
    expect(batch!.columns).toEqual([
      { name: 'id', type: 'integer', nativeType: 'bigint' },
      { name: 'score', type: 'number', nativeType: 'numeric' },
      { name: 'active', type: 'boolean', nativeType: 'boolean' },
      { name: 'signed_up', type: 'timestamp', nativeType: 'timestamp with time zone' },
      { name: 'tags', type: 'json', nativeType: 'text[]' },
    ]);
    expect(batch!.rows[0]).toMatchObject({ id: '5', score: '1.67', active: false, tags: ['a'] });
  });

  it('stops after `limit` rows for previews', async () => {
    const batches = await collect(
      postgresSource.query(config, 'SELECT id FROM analytics.users ORDER BY id', {
        batchSize: 40,
        limit: 100,
      }),
    );
    expect(batches.map((b) => b.rows.length)).toEqual([40, 40, 20]);
  });

  it('yields the columns of an empty result', async () => {
    const batches = await collect(
      postgresSource.query(config, 'SELECT id, email FROM analytics.users WHERE false'),
    );
    expect(batches).toEqual([
      {
        columns: [
          { name: 'id', type: 'integer', nativeType: 'bigint' },
          { name: 'email', type: 'string', nativeType: 'text' },
        ],
        rows: [],
      },
    ]);
  });

  it('reports invalid SQL as InvalidQuery with the server message', async () => {
    const err = await queryError(() =>
      collect(postgresSource.query(config, 'SELECT nope FROM analytics.users')),
    );
    expect(err.code).toBe(ErrorCode.InvalidQuery);
    expect(err.message).toContain('column "nope" does not exist');
  });

  it('runs the model read-only', async () => {
    const err = await queryError(() =>
      collect(postgresSource.query(config, 'DELETE FROM public.events RETURNING id')),
    );
    expect(err.code).toBe(ErrorCode.InvalidQuery);
    expect(err.message).toContain('read-only transaction');
  });

  it('reports a statement timeout as QueryTimeout', async () => {
    const started = Date.now();
    const err = await queryError(() =>
      collect(postgresSource.query(config, 'SELECT pg_sleep(5)', { timeoutMs: 200 })),
    );
    expect(err.code).toBe(ErrorCode.QueryTimeout);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('counts time the consumer spends between batches against timeoutMs', async () => {
    let received = 0;
    const err = await queryError(async () => {
      const query = postgresSource.query(config, 'SELECT id FROM analytics.users', {
        batchSize: 1000,
        timeoutMs: 300,
      });
      for await (const batch of query) {
        received += batch.rows.length;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    });
    expect(err.code).toBe(ErrorCode.QueryTimeout);
    expect(received).toBe(1000);
  });

  it('cancels the running statement on the server when the signal aborts', async () => {
    const controller = new AbortController();
    const marker = `sl_cancel_${Date.now()}`;
    const running = collect(
      postgresSource.query(config, `SELECT pg_sleep(30), '${marker}' AS marker`, {
        signal: controller.signal,
      }),
    );
    const activeSleeps = async (): Promise<number> => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1 AND state = 'active' AND pid <> pg_backend_pid()`,
          [`%${marker}%`],
        );
        return rows[0].n as number;
      } finally {
        await client.end();
      }
    };
    await waitFor(async () => ((await activeSleeps()) === 1 ? true : undefined), { what: 'query running' });

    const abortedAt = Date.now();
    controller.abort();
    const err = await queryError(() => running);
    expect(err.code).toBe(ErrorCode.QueryTimeout);
    expect(err.details).toEqual({ cancelled: true });
    expect(Date.now() - abortedAt).toBeLessThan(2000);
    await waitFor(async () => ((await activeSleeps()) === 0 ? true : undefined), {
      what: 'backend statement cancelled',
      timeoutMs: 5000,
    });
  });

  it('releases its connection when the consumer stops iterating early', async () => {
    const appConnections = async (): Promise<number> => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'syncline-source' AND datname = $1`,
          [db.name],
        );
        return rows[0].n as number;
      } finally {
        await client.end();
      }
    };
    for await (const batch of postgresSource.query(config, 'SELECT id FROM analytics.users', {
      batchSize: 10,
    })) {
      expect(batch.rows).toHaveLength(10);
      expect(await appConnections()).toBe(1);
      break;
    }
    await waitFor(async () => ((await appConnections()) === 0 ? true : undefined), {
      what: 'connection released',
    });
  });

  it('reports a connection failure as SourceConnectionFailed', async () => {
    const err = await queryError(() =>
      collect(postgresSource.query({ ...config, database: 'sl_missing_db' }, 'SELECT 1')),
    );
    expect(err.code).toBe(ErrorCode.SourceConnectionFailed);
    expect(err.message).toContain('sl_missing_db');
  });
});

describe('postgres source: discover', () => {
  it('lists user tables with typed columns and skips system schemas', async () => {
    const tables = await postgresSource.discover(config);
    expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['analytics.users', 'public.events']);
    expect(tables[0]!.columns).toEqual([
      { name: 'id', type: 'integer', nativeType: 'bigint' },
      { name: 'email', type: 'string', nativeType: 'text' },
      { name: 'score', type: 'number', nativeType: 'numeric' },
      { name: 'active', type: 'boolean', nativeType: 'boolean' },
      { name: 'signed_up', type: 'timestamp', nativeType: 'timestamp with time zone' },
      { name: 'tags', type: 'json', nativeType: 'text[]' },
    ]);
    expect(tables[1]!.columns).toEqual([
      { name: 'id', type: 'integer', nativeType: 'integer' },
      { name: 'payload', type: 'json', nativeType: 'jsonb' },
    ]);
  });
});
