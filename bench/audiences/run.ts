/**
 * `npm run bench:audiences [-- --users=1000000 --events=10000000 --purchases=3000000 --repeat=5]`: generates
 * the warehouse in the local Postgres (a random database, dropped after), then for five representative
 * audiences prints the compile time, the time of Syncline's count query, the time of a hand-written query for
 * the same members (same run, runs alternated, medians) and their ratio (goal ≤ 1.2), checking both counts
 * agree; then the time of each insight (preview = funnel + sample, overlap, breakdown).
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import {
  audienceDialect,
  breakdownSql,
  buildSchema,
  compileAudienceSql,
  countSql,
  funnelSql,
  overlapSql,
  sampleSql,
  type AudienceSpec,
  type CompileInput,
  type SchemaModel,
} from '@syncline/audiences';
import { postgresSource } from '@syncline/connectors/sources/postgres';
import { Client } from 'pg';
import { benchAudiences, PROPERTY_AUDIENCE_ID, PROPERTY_CONDITIONS } from './audiences';
import { generate } from './data';

const ADMIN_URL = process.env.SYNCLINE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};

function dbUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const sizes = {
    users: arg('users', 1_000_000),
    purchases: arg('purchases', 3_000_000),
    events: arg('events', 10_000_000),
  };
  const repeat = arg('repeat', 5);
  const name = `bench_aud_${randomUUID().slice(0, 8)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(dbUrl(name));
  const config = postgresSource.spec.parse({
    host: url.hostname,
    port: Number(url.port || 5432),
    database: name,
    user: decodeURIComponent(url.username),
  });
  const wh = new Client({ connectionString: dbUrl(name) });
  await wh.connect();
  try {
    console.log(
      `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Postgres on ${url.host}`,
    );
    let started = Date.now();
    await generate(wh, sizes);
    console.log(
      `generated ${sizes.users.toLocaleString()} users, ${sizes.purchases.toLocaleString()} purchases, ${sizes.events.toLocaleString()} events in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );

    const run = async (sql: string, limit?: number) => {
      const t = process.hrtime.bigint();
      const rows: Record<string, unknown>[] = [];
      for await (const batch of postgresSource.query(config, sql, {
        timeoutMs: 600_000,
        ...(limit ? { limit } : {}),
      }))
        rows.push(...batch.rows);
      return { seconds: Number(process.hrtime.bigint() - t) / 1e9, rows };
    };
    const columns = async (table: string) =>
      (await run(`SELECT * FROM ${table} LIMIT 1`)).rows &&
      (await (async () => {
        for await (const b of postgresSource.query(config, `SELECT * FROM ${table}`, { limit: 1 }))
          return b.columns;
        return [];
      })());
    const model = async (
      modelId: string,
      table: string,
      role: SchemaModel['role'],
      extra: Partial<SchemaModel> = {},
    ): Promise<SchemaModel> => ({
      modelId,
      name: table,
      sourceId: 'bench',
      role,
      sql: `SELECT * FROM ${table}`,
      primaryKey: 'id',
      columns: await columns(table),
      ...extra,
    });
    const models = [
      await model('users', 'users', 'parent'),
      await model('purchases', 'purchases', 'related'),
      await model('events', 'events', 'event', {
        timestampColumn: 'occurred_at',
        eventTypeColumn: 'event_type',
      }),
    ];
    const rel = { purchases: 'rel-purchases', events: 'rel-events' };
    const input: CompileInput = {
      dialect: audienceDialect('postgres'),
      schema: buildSchema(models, [
        {
          id: rel.purchases,
          fromModelId: 'users',
          toModelId: 'purchases',
          cardinality: 'one-to-many',
          joins: [{ from: 'id', to: 'user_id' }],
        },
        {
          id: rel.events,
          fromModelId: 'users',
          toModelId: 'events',
          cardinality: 'one-to-many',
          joins: [{ from: 'id', to: 'user_id' }],
        },
      ]),
      traits: new Map(),
      audiences: new Map([
        [
          PROPERTY_AUDIENCE_ID,
          {
            id: PROPERTY_AUDIENCE_ID,
            name: 'property only',
            parentModelId: 'users',
            conditions: { version: 1, type: 'and', conditions: PROPERTY_CONDITIONS },
          },
        ],
      ]),
    };
    const spec = (id: string, a: ReturnType<typeof benchAudiences>[number]): AudienceSpec => ({
      id,
      name: a.name,
      parentModelId: 'users',
      conditions: { version: 1, type: a.match ?? 'and', conditions: a.conditions },
    });

    const lines: string[] = [];
    const insights: string[] = [];
    const ratios: number[] = [];
    const audiences = benchAudiences(rel);
    for (const [i, a] of audiences.entries()) {
      const s = spec(i === 0 ? PROPERTY_AUDIENCE_ID : randomUUID(), a);
      const compileStart = process.hrtime.bigint();
      const compileRuns = 200;
      for (let k = 0; k < compileRuns; k += 1) compileAudienceSql(s, input);
      const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6 / compileRuns;
      const sql = countSql(s, input);
      await run(sql); // warm the cache for both queries: they read the same tables
      await run(a.hand);
      const ours: number[] = [];
      const theirs: number[] = [];
      let counts: [unknown, unknown] = [null, null];
      for (let k = 0; k < repeat; k += 1) {
        // Alternate which query goes first, so drift on a shared machine hits both alike.
        const order = k % 2 === 0 ? [sql, a.hand] : [a.hand, sql];
        const [first, second] = [await run(order[0]!), await run(order[1]!)];
        const [o, h] = k % 2 === 0 ? [first, second] : [second, first];
        ours.push(o.seconds);
        theirs.push(h.seconds);
        counts = [Object.values(o.rows[0]!)[0], Object.values(h.rows[0]!)[0]];
      }
      if (String(counts[0]) !== String(counts[1]))
        throw new Error(
          `${a.name}: Syncline counted ${String(counts[0])}, the hand-written query ${String(counts[1])}`,
        );
      const ratio = median(ours) / median(theirs);
      ratios.push(ratio);
      lines.push(
        `| ${a.name.padEnd(34)} | ${Number(counts[0]).toLocaleString().padStart(9)} | ${compileMs.toFixed(2).padStart(6)} ms | ${median(ours).toFixed(2).padStart(6)} s | ${median(theirs).toFixed(2).padStart(6)} s | ${ratio.toFixed(2)} ${ratio <= 1.2 ? '— met' : '— **not met**'} |`,
      );

      const preview = await run(funnelSql(s, input));
      const sample = await run(sampleSql(s, input, ['email'], 100), 100);
      const overlap = await run(overlapSql(s, spec(PROPERTY_AUDIENCE_ID, audiences[0]!), input));
      const breakdown = await run(breakdownSql(s, input, 'plan'));
      insights.push(
        `| ${a.name.padEnd(34)} | ${preview.seconds.toFixed(2).padStart(6)} s | ${sample.seconds.toFixed(2).padStart(6)} s | ${overlap.seconds.toFixed(2).padStart(6)} s | ${breakdown.seconds.toFixed(2).padStart(6)} s |`,
      );
    }
    started = Date.now();
    console.log(`\n${repeat} alternated runs each, medians (goal: ratio ≤ 1.2 for every audience)\n`);
    console.log(
      '| audience                           |   members |  compile | Syncline count | hand-written | ratio |',
    );
    console.log(
      '| ---------------------------------- | --------: | -------: | -------------: | -----------: | ----- |',
    );
    for (const l of lines) console.log(l);
    console.log(
      '\ninsights (one run each): preview = funnel and size, sample = 100 members; overlap with "property only"; breakdown by plan\n',
    );
    console.log('| audience                           | funnel + size | sample | overlap | breakdown |');
    console.log('| ---------------------------------- | ------------: | -----: | ------: | --------: |');
    for (const l of insights) console.log(l);
    console.log(
      `\nworst ratio ${Math.max(...ratios).toFixed(2)}: ${ratios.every((r) => r <= 1.2) ? 'goal met for every audience' : 'goal NOT met'}`,
    );
  } finally {
    await wh.end();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
