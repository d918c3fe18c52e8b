/**
 * `npm run bench:delivery [-- --limit=20 --rows=5000]`: three syncs deliver to one destination whose
 * receiver enforces `limit` requests per rolling second (429 + Retry-After above it, as vendors do), run by
 * 1 and then 3 real worker processes through a real Temporal dev server. Prints achieved throughput /
 * configured limit (goal ≥ 0.95) and the share of requests answered 429 (goal ≤ 1%), next to a baseline
 * measured in the same run: the same delivery with no limit, which shows the limit is what binds.
 */
import { randomBytes } from 'node:crypto';
import { migrate } from '@syncline/db';
import {
  startWebhookEmulator,
  type WebhookEmulator,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import {
  SYNC_RUN_WORKFLOW,
  syncRunWorkflowId,
  type SyncRunInput,
  type SyncRunResult,
} from '@syncline/contracts';
import { ControlPlaneBuilder, maxInWindow, pgConnectorConfig } from '@syncline/testing';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { buildWorkflowBundle, workerFleet } from '../../services/worker/src/__tests__/helpers/worker-fleet';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('../../scripts/lib/temporal-cli.cjs') as {
  startTemporalDevServer(opts: { headless: boolean }): Promise<{ address: string; stop(): Promise<void> }>;
};

const ADMIN_URL = process.env.SYNCLINE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SYNCS = 3;
const BATCH = 50;
const secret = 'whsec_bench_0123456789';

function arg(name: string, fallback: number): number {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
}

function dbUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new PgClient({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

interface Measured {
  requests: number;
  throttled: number;
  seconds: number;
  perSecond: number;
  maxInAnySecond: number;
}

function measureRequests(receiver: WebhookEmulator): Measured {
  const arrivals = receiver.received.map((r) => r.at);
  const seconds = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
  const requests = receiver.received.length;
  return {
    requests,
    throttled: receiver.received.filter((r) => r.status === 429).length,
    seconds,
    perSecond: (requests - 1) / seconds,
    maxInAnySecond: maxInWindow(arrivals, 1000),
  };
}

async function main(): Promise<void> {
  const limit = arg('limit', 20);
  const rows = arg('rows', 5000);
  const suffix = randomBytes(4).toString('hex');
  const cpName = `bench_delivery_cp_${suffix}`;
  const whName = `bench_delivery_wh_${suffix}`;
  const key = randomBytes(32).toString('base64');
  console.log(`delivery benchmark: ${SYNCS} syncs × ${rows} rows, batches of ${BATCH}, limit ${limit} req/s`);
  await admin(`CREATE DATABASE ${cpName}`);
  await admin(`CREATE DATABASE ${whName}`);
  await migrate(dbUrl(cpName));
  const wh = new PgClient({ connectionString: dbUrl(whName) });
  await wh.connect();
  await wh.query(`CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL)`);
  await wh.query(`INSERT INTO customers SELECT g, 'u' || g || '@example.com' FROM generate_series(1, $1) g`, [
    rows,
  ]);
  await wh.end();

  const temporal = await startTemporalDevServer({ headless: true });
  const builder = await ControlPlaneBuilder.connect(dbUrl(cpName), key);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const bundlePath = buildWorkflowBundle();
  let scenario = 0;

  async function deliver(workers: number, perSecond: number | undefined): Promise<Measured> {
    scenario += 1;
    const receiver = await startWebhookEmulator({
      secret,
      maxBatchSize: BATCH,
      faults: perSecond ? { rateLimit: { requests: perSecond, perMs: 1000 } } : undefined,
    });
    const taskQueue = `bench-delivery-${suffix}-${scenario}`;
    const fleet = workerFleet({
      controlPlaneUrl: dbUrl(cpName),
      encryptionKey: key,
      temporalAddress: temporal.address,
      taskQueue,
      bundlePath,
    });
    try {
      await fleet.start(workers);
      const syncs = await Promise.all(
        Array.from({ length: SYNCS }, (_, n) =>
          builder.sync({
            source: { type: 'postgres', config: pgConnectorConfig(dbUrl(whName)) },
            model: { sql: `SELECT '${scenario}-${n}-' || id AS id, email FROM customers`, primaryKey: 'id' },
            destination: {
              type: 'webhook',
              config: { url: receiver.url, secret, batchSize: BATCH },
              rateLimit: { requests: perSecond ?? 100_000, perMs: 1000, concurrency: SYNCS },
            },
            sync: {
              mode: 'upsert',
              mapping: [
                { from: 'id', to: 'customer_id' },
                { from: 'email', to: 'email' },
              ],
            },
          }),
        ),
      );
      const results = (await Promise.all(
        syncs.map(async (fx) =>
          (
            await client.workflow.start(SYNC_RUN_WORKFLOW, {
              taskQueue,
              workflowId: syncRunWorkflowId(fx.syncId),
              args: [{ syncId: fx.syncId, trigger: 'api' } satisfies SyncRunInput],
            })
          ).result(),
        ),
      )) as SyncRunResult[];
      const delivered = results.reduce((n, r) => n + r.counts.succeeded.added, 0);
      if (delivered !== SYNCS * rows || receiver.records().length !== SYNCS * rows)
        throw new Error(
          `expected ${SYNCS * rows} rows delivered, got ${delivered} (${receiver.records().length} stored)`,
        );
      return measureRequests(receiver);
    } finally {
      await fleet.stopAll();
      await receiver.close();
    }
  }

  try {
    const baseline = await deliver(1, undefined);
    console.log(
      `\nbaseline, no limit, 1 worker: ${baseline.perSecond.toFixed(1)} req/s (${baseline.requests} requests in ${baseline.seconds.toFixed(1)} s)`,
    );
    for (const workers of [1, 3]) {
      const m = await deliver(workers, limit);
      const ratio = m.perSecond / limit;
      const share = m.throttled / m.requests;
      console.log(
        `\n${workers} worker${workers > 1 ? 's' : ''}, limit ${limit} req/s: ${m.perSecond.toFixed(2)} req/s over ${m.seconds.toFixed(1)} s` +
          `\n  throughput / limit = ${ratio.toFixed(3)} (goal ≥ 0.95: ${ratio >= 0.95 ? 'met' : 'NOT met'})` +
          `\n  429 share = ${(share * 100).toFixed(2)}% of ${m.requests} requests (goal ≤ 1%: ${share <= 0.01 ? 'met' : 'NOT met'})` +
          `\n  most requests in any rolling second: ${m.maxInAnySecond}` +
          `\n  baseline (no limit) / limit = ${(baseline.perSecond / limit).toFixed(1)}×`,
      );
    }
  } finally {
    await connection.close();
    await builder.close();
    await temporal.stop();
    await admin(`DROP DATABASE IF EXISTS ${cpName} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${whName} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
