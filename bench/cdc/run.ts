/**
 * `npm run bench:cdc [-- --rows=1000000] [-- --ten-million]`: times the plan step of a second sync run
 * (after 1% changed, 0.1% deleted, 0.1% inserted) for both CDC engines against a bare COPY of the same model,
 * measures the peak RSS of this process (it plays the worker), and runs the Python data-diff tool
 * (joindiff) on the same tables as a peer. Every ratio is measured in this one run.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  commitInWarehouse,
  commitManaged,
  planInWarehouse,
  planManaged,
  warehouseDialect,
  type PlanRequest,
} from '@syncline/cdc';
import { postgresSource } from '@syncline/connectors/sources/postgres';
import { migrate } from '@syncline/db';
import { Client, Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { measure } from './measure';
import { MAPPED_COLUMNS, MODEL_SQL, churn, createModel } from './model-table';

const ADMIN_URL = process.env.SYNCLINE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATA_DIFF = '.venv-bench/bin/data-diff';
const postgresDialect = warehouseDialect('postgres');

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

async function seedSync(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `WITH w AS (INSERT INTO workspace (name, api_key_hash) VALUES ('bench', md5(random()::text)) RETURNING id),
          s AS (INSERT INTO source (workspace_id, name, type, config_encrypted) SELECT id, 's', 'postgres', 'x' FROM w RETURNING id, workspace_id),
          m AS (INSERT INTO model (workspace_id, source_id, name, sql, primary_key) SELECT workspace_id, id, 'm', 'x', 'id' FROM s RETURNING id, workspace_id),
          d AS (INSERT INTO destination (workspace_id, name, type, config_encrypted) SELECT workspace_id, 'd', 'webhook', 'x' FROM m RETURNING id, workspace_id)
     INSERT INTO sync (workspace_id, name, model_id, destination_id, mode, mapping)
     SELECT d.workspace_id, 'bench', m.id, d.id, 'mirror', '[]' FROM d, m RETURNING id`,
  );
  return rows[0]!.id;
}

async function newRun(pool: Pool, syncId: string): Promise<string> {
  const runId = randomUUID();
  await pool.query(
    `INSERT INTO sync_run (id, workspace_id, sync_id, workflow_id, status, trigger, counts)
     SELECT $1, workspace_id, id, 'bench', 'querying', 'api', '{}' FROM sync WHERE id = $2`,
    [runId, syncId],
  );
  return runId;
}

const acceptAll = (pool: Pool, runId: string) =>
  pool.query(
    `INSERT INTO sync_run_row (run_id, key, op, status) SELECT run_id, key, op, 'accepted' FROM cdc_change WHERE run_id = $1`,
    [runId],
  );

async function bench(rows: number): Promise<void> {
  const tag = randomUUID().slice(0, 8);
  const cpName = `bench_cp_${tag}`;
  const whName = `bench_wh_${tag}`;
  await admin(`CREATE DATABASE ${cpName}`);
  await admin(`CREATE DATABASE ${whName}`);
  await migrate(dbUrl(cpName));
  const pool = new Pool({ connectionString: dbUrl(cpName), max: 4 });
  const wh = new Client({ connectionString: dbUrl(whName) });
  await wh.connect();
  const config = postgresSource.spec.parse(pgConfig(dbUrl(whName)));
  try {
    console.log(`\n== ${rows.toLocaleString()} rows × 12 columns ==`);
    await createModel(wh, rows);
    const mapping = MAPPED_COLUMNS.map((c) => ({ from: c, to: c }));
    const managedSync = await seedSync(pool);
    const warehouseSync = await seedSync(pool);
    const request = (runId: string, syncId: string): PlanRequest => ({
      runId,
      syncId,
      primaryKey: 'id',
      mapping,
      duplicateKeyPolicy: 'exclude',
      fullResync: false,
      resetCDC: false,
    });
    const planManagedRun = async (syncId: string) => {
      const runId = await newRun(pool, syncId);
      const outcome = await planManaged(
        pool,
        request(runId, syncId),
        postgresSource.query(config, MODEL_SQL, { batchSize: 5000 }),
      );
      return { runId, outcome };
    };
    const planWarehouseRun = async (syncId: string) => {
      const runId = await newRun(pool, syncId);
      const session = await postgresSource.warehouse!.openSession(config);
      try {
        return {
          runId,
          outcome: await planInWarehouse(pool, session, postgresDialect, request(runId, syncId), MODEL_SQL),
        };
      } finally {
        await session.close();
      }
    };
    const commitWarehouse = async (runId: string, syncId: string) => {
      const session = await postgresSource.warehouse!.openSession(config);
      try {
        await commitInWarehouse(pool, session, postgresDialect, runId, syncId);
      } finally {
        await session.close();
      }
    };

    const firstManaged = await measure(() => planManagedRun(managedSync));
    await acceptAll(pool, firstManaged.result.runId);
    await commitManaged(pool, firstManaged.result.runId, managedSync);
    const firstWarehouse = await measure(() => planWarehouseRun(warehouseSync));
    await acceptAll(pool, firstWarehouse.result.runId);
    await commitWarehouse(firstWarehouse.result.runId, warehouseSync);
    console.log(
      `first run (all added): managed ${firstManaged.seconds.toFixed(1)} s, in-warehouse ${firstWarehouse.seconds.toFixed(1)} s`,
    );

    await wh.query(
      `CREATE TABLE model_prev AS SELECT * FROM model; ALTER TABLE model_prev ADD PRIMARY KEY (id)`,
    );
    const expected = await churn(wh, rows);
    console.log(`churn: ${expected.changed} changed, ${expected.removed} removed, ${expected.added} added`);

    const copy = await measure(async () => {
      const c = new Client({ connectionString: dbUrl(whName) });
      await c.connect();
      let bytes = 0;
      await pipeline(
        c.query(copyTo(`COPY (${MODEL_SQL}) TO STDOUT`)),
        new Writable({ write: (chunk: Buffer, _e, cb) => ((bytes += chunk.length), cb()) }),
      );
      await c.end();
      return bytes;
    });
    const managed = await measure(() => planManagedRun(managedSync));
    const inWarehouse = await measure(() => planWarehouseRun(warehouseSync));
    const currentRows = rows - expected.removed + expected.added;

    for (const [name, m] of [
      ['managed', managed],
      ['in-warehouse', inWarehouse],
    ] as const) {
      const p = m.result.outcome.planned;
      const ok =
        p.changed === expected.changed && p.removed === expected.removed && p.added === expected.added;
      if (!ok) throw new Error(`${name} planned ${JSON.stringify(p)}, expected ${JSON.stringify(expected)}`);
    }
    const line = (name: string, seconds: number, extra: string) =>
      console.log(
        `${name.padEnd(26)} ${seconds.toFixed(2).padStart(8)} s ${Math.round(currentRows / seconds)
          .toLocaleString()
          .padStart(12)} rows/s  ${extra}`,
      );
    console.log('\nsecond run, plan step only (counts verified for both engines):');
    line('COPY (SELECT model) baseline', copy.seconds, `${(copy.result / 2 ** 20).toFixed(0)} MiB streamed`);
    line(
      'managed plan',
      managed.seconds,
      `ratio to COPY ${(managed.seconds / copy.seconds).toFixed(2)} (goal ≤ 1.5); peak RSS ${managed.peakRssMb.toFixed(0)} MB (goal ≤ 300)`,
    );
    line(
      'in-warehouse plan',
      inWarehouse.seconds,
      `${(managed.seconds / inWarehouse.seconds).toFixed(1)}× faster than managed (goal ≥ 20× at 10M)`,
    );
    runDataDiff(dbUrl(whName), currentRows, line);
  } finally {
    await wh.end();
    await pool.end();
    await admin(`DROP DATABASE IF EXISTS ${cpName} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${whName} WITH (FORCE)`);
  }
}

function pgConfig(url: string): Record<string, unknown> {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: u.pathname.slice(1),
    user: decodeURIComponent(u.username),
  };
}

/** data-diff insists on a password in the URL; trust auth ignores whatever it is. */
function dataDiffUrl(url: string): string {
  const u = new URL(url.replace('postgres://', 'postgresql://'));
  if (!u.password) u.password = 'unused';
  return u.toString();
}

function runDataDiff(
  url: string,
  rows: number,
  line: (name: string, s: number, extra: string) => void,
): void {
  if (!existsSync(DATA_DIFF)) {
    console.log('data-diff (peer): not run — install it with bench/cdc/install-data-diff.sh');
    return;
  }
  const columns = MAPPED_COLUMNS.filter((c) => c !== 'id').flatMap((c) => ['-c', c]);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    DATA_DIFF,
    [dataDiffUrl(url), 'model_prev', 'model', '-k', 'id', ...columns, '--algorithm', 'joindiff', '--stats'],
    {
      encoding: 'utf8',
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.log(`data-diff (peer) failed: ${(r.stderr || r.stdout).split('\n').slice(-3).join(' ')}`);
    return;
  }
  line('data-diff joindiff (peer)', seconds, r.stdout.trim().split('\n').slice(-3).join('; '));
}

async function main(): Promise<void> {
  const arg = process.argv.find((a) => a.startsWith('--rows='));
  const sizes = [arg ? Number(arg.slice('--rows='.length)) : 1_000_000];
  if (process.argv.includes('--ten-million')) sizes.push(10_000_000);
  console.log(
    `CDC benchmark on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Postgres at ${new URL(ADMIN_URL).host}`,
  );
  for (const rows of sizes) await bench(rows);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
