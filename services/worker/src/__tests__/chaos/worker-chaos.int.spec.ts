/**
 * Durable delivery, proven by breaking things for real: worker processes (the production bundle) killed
 * with SIGKILL mid-run, the Temporal dev server restarted under a run, and three workers sharing one
 * destination's rate limit and its 429 pause. The destination is the webhook emulator, which stores a
 * record once per idempotency key and logs every request it received.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startWebhookEmulator,
  type WebhookEmulator,
  type WebhookRecord,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import { seededRandom } from '@syncline/connectors/testing/emulators/kit/faults';
import {
  SYNC_RUN_WORKFLOW,
  syncRunWorkflowId,
  type SyncRunInput,
  type SyncRunResult,
} from '@syncline/contracts';
import {
  ControlPlaneBuilder,
  createControlPlaneDatabase,
  createEmptyDatabase,
  maxInWindow,
  pgConnectorConfig,
  testEncryptionKey,
  testTemporalAddress,
  waitFor,
  type TestDatabase,
} from '@syncline/testing';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { buildWorkflowBundle, workerFleet, type WorkerFleet } from '../helpers/worker-fleet';
import { freePort } from '../helpers/worker-process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('../../../../../scripts/lib/temporal-cli.cjs') as {
  startTemporalDevServer(opts: {
    headless: boolean;
    port: number;
    dbFile: string;
  }): Promise<{ address: string; stop(): Promise<void> }>;
};

const secret = 'whsec_chaos_0123456789';
const mapping = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
];

/** How many times each key was stored by the receiver. */
function storedPerKey(records: WebhookRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  return counts;
}

/** Records that reached the receiver in accepted requests, replays included. */
function recordsReceived(receiver: WebhookEmulator): number {
  return receiver.received
    .filter((r) => r.status === 200)
    .reduce((n, r) => n + ((r.body as { batch?: unknown[] }).batch?.length ?? 0), 0);
}

/**
 * The deliver activity's last start: Temporal records one started event per activity, carrying the attempt
 * number and the identity of the worker that ran that attempt.
 */
async function lastDeliverStart(handle: WorkflowHandle): Promise<{ attempt: number; identity: string }> {
  const history = await handle.fetchHistory();
  const deliverIds = new Set<string>();
  let last = { attempt: 0, identity: '' };
  for (const e of history.events ?? []) {
    if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'deliver')
      deliverIds.add(String(e.eventId));
    const started = e.activityTaskStartedEventAttributes;
    if (started && deliverIds.has(String(started.scheduledEventId)))
      last = { attempt: started.attempt ?? 0, identity: started.identity ?? '' };
  }
  return last;
}

describe('durable delivery under chaos (real worker processes, real Temporal)', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let builder: ControlPlaneBuilder;
  let bundlePath: string;
  const fleets: WorkerFleet[] = [];
  const receivers: WebhookEmulator[] = [];
  const key = testEncryptionKey();

  beforeAll(async () => {
    bundlePath = buildWorkflowBundle();
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    const wh = new PgClient({ connectionString: warehouse.url });
    await wh.connect();
    await wh.query(`CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL)`);
    await wh.query(
      `INSERT INTO customers SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 50000) g`,
    );
    await wh.end();
    builder = await ControlPlaneBuilder.connect(controlPlane.url, key);
  });

  afterAll(async () => {
    await Promise.all(fleets.map((f) => f.stopAll()));
    await Promise.all(receivers.map((r) => r.close()));
    await builder?.close();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  function newFleet(taskQueue: string, temporalAddress: string, env: Record<string, string> = {}) {
    const f = workerFleet({
      controlPlaneUrl: controlPlane.url,
      encryptionKey: key,
      temporalAddress,
      taskQueue,
      bundlePath,
      env,
    });
    fleets.push(f);
    return f;
  }

  async function receiver(options: Parameters<typeof startWebhookEmulator>[0]) {
    const r = await startWebhookEmulator(options);
    receivers.push(r);
    return r;
  }

  it('finishes a 50,000-row run although its worker is killed -9 three times, every row stored once', async () => {
    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    const ROWS = 50_000;
    const BATCH = 500;
    const dest = await receiver({ secret, maxBatchSize: BATCH, faults: { stallRate: 1, stallMs: 60, seed } });
    const fx = await builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      model: { sql: 'SELECT id, email FROM customers', primaryKey: 'id' },
      destination: {
        type: 'webhook',
        config: { url: dest.url, secret, batchSize: BATCH, timeoutMs: 10_000 },
        rateLimit: { requests: 1000, perMs: 1000, concurrency: 4 },
      },
      sync: { mode: 'upsert', mapping },
    });
    const connection = await Connection.connect({ address: testTemporalAddress() });
    try {
      const client = new Client({ connection });
      const taskQueue = `chaos-kill-${seed}`;
      const killed = newFleet(taskQueue, testTemporalAddress());
      let [current] = await killed.start(1);
      const handle = await client.workflow.start(SYNC_RUN_WORKFLOW, {
        taskQueue,
        workflowId: syncRunWorkflowId(fx.syncId),
        args: [{ syncId: fx.syncId, trigger: 'api' } satisfies SyncRunInput],
      });

      // Three kill points at random, spread over the delivery (seed printed for replay).
      const points = [0.1 + random() * 0.2, 0.35 + random() * 0.2, 0.6 + random() * 0.25].map((p) =>
        Math.floor(p * ROWS),
      );
      const stored: number[] = [];
      for (const point of points) {
        await waitFor(() => (dest.records().length >= point ? true : undefined), {
          timeoutMs: 120_000,
          intervalMs: 20,
          what: `${point} rows delivered (seed ${seed})`,
        });
        await killed.kill9(current!);
        stored.push(dest.records().length);
        [current] = await killed.start(1);
      }
      const result = (await handle.result()) as SyncRunResult;

      expect(stored.every((n) => n < ROWS)).toBe(true); // every kill struck mid-delivery
      expect(result.status).toBe('success');
      expect(result.counts.planned).toEqual({ added: ROWS, changed: 0, removed: 0 });
      expect(result.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });
      expect(result.counts.failed).toEqual({ added: 0, changed: 0, removed: 0 });
      const perKey = storedPerKey(dest.records());
      expect(perKey.size).toBe(ROWS);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
      // Resumed after the last recorded batch, not from the start: at most the batch in flight at each
      // kill (and one the receiver kept while its answer was lost) arrives twice.
      expect(recordsReceived(dest)).toBeLessThanOrEqual(ROWS + 2 * points.length * BATCH);
      // The activity was picked up again after each kill: by the fourth process, on attempt 4 or later.
      const last = await lastDeliverStart(handle);
      expect(last.attempt).toBeGreaterThanOrEqual(4);
      expect(last.identity).toContain(String(current!.child.pid));
    } finally {
      await connection.close();
    }
  });

  it('finishes a run across a restart of the Temporal server (persisted SQLite)', async () => {
    const ROWS = 10_000;
    const BATCH = 200;
    const dbFile = join(mkdtempSync(join(tmpdir(), 'sl-temporal-')), 'temporal.db');
    const port = await freePort();
    let server = await startTemporalDevServer({ headless: true, port, dbFile });
    const dest = await receiver({ secret, maxBatchSize: BATCH, faults: { stallRate: 1, stallMs: 150 } });
    const fx = await builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      model: { sql: `SELECT id, email FROM customers WHERE id <= ${ROWS}`, primaryKey: 'id' },
      destination: { type: 'webhook', config: { url: dest.url, secret, batchSize: BATCH } },
      sync: { mode: 'upsert', mapping },
    });
    const taskQueue = `chaos-restart-${Date.now().toString(36)}`;
    const restartFleet = newFleet(taskQueue, server.address);
    try {
      await restartFleet.start(1);
      let connection = await Connection.connect({ address: server.address });
      const handle = await new Client({ connection }).workflow.start(SYNC_RUN_WORKFLOW, {
        taskQueue,
        workflowId: syncRunWorkflowId(fx.syncId),
        args: [{ syncId: fx.syncId, trigger: 'api' } satisfies SyncRunInput],
      });
      await waitFor(() => (dest.records().length >= ROWS * 0.2 ? true : undefined), {
        timeoutMs: 60_000,
        what: 'a fifth of the rows delivered',
      });
      await connection.close();
      await server.stop();
      const storedWhileUp = dest.records().length;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      server = await startTemporalDevServer({ headless: true, port, dbFile });

      connection = await Connection.connect({ address: server.address });
      const again = new Client({ connection }).workflow.getHandle(handle.workflowId);
      const result = (await again.result()) as SyncRunResult;
      await connection.close();

      expect(storedWhileUp).toBeLessThan(ROWS);
      expect(result.status).toBe('success');
      expect(result.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });
      const perKey = storedPerKey(dest.records());
      expect(perKey.size).toBe(ROWS);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await restartFleet.stopAll();
      await server.stop();
    }
  });

  it('keeps three workers under one shared limit and pauses all of them on a 429', async () => {
    const LIMIT = 20;
    const BATCH = 50;
    const PER_SYNC = 2_000;
    // The receiver enforces the limit the way a vendor does (rolling window, 429 + Retry-After).
    const dest = await receiver({
      secret,
      maxBatchSize: BATCH,
      faults: { rateLimit: { requests: LIMIT, perMs: 1000 } },
    });
    const syncs = await Promise.all(
      [1, 2, 3].map((n) =>
        builder.sync({
          source: { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
          model: {
            sql: `SELECT 's${n}-' || id AS id, email FROM customers WHERE id <= ${PER_SYNC}`,
            primaryKey: 'id',
          },
          destination: {
            type: 'webhook',
            config: { url: dest.url, secret, batchSize: BATCH },
            rateLimit: { requests: LIMIT, perMs: 1000, concurrency: 3 },
          },
          sync: { mode: 'upsert', mapping, name: `sync ${n}` },
        }),
      ),
    );
    const taskQueue = `chaos-rate-${Date.now().toString(36)}`;
    // One activity at a time per worker: three concurrent deliveries must run in three processes.
    const three = newFleet(taskQueue, testTemporalAddress(), { WORKER_MAX_CONCURRENT_ACTIVITIES: '1' });
    await three.start(3);
    const connection = await Connection.connect({ address: testTemporalAddress() });
    try {
      const client = new Client({ connection });
      const handles = await Promise.all(
        syncs.map((fx) =>
          client.workflow.start(SYNC_RUN_WORKFLOW, {
            taskQueue,
            workflowId: syncRunWorkflowId(fx.syncId),
            args: [{ syncId: fx.syncId, trigger: 'api' } satisfies SyncRunInput],
          }),
        ),
      );
      // Mid-run the destination asks for a 2 s pause once.
      await waitFor(() => (dest.received.length >= 40 ? true : undefined), {
        timeoutMs: 120_000,
        intervalMs: 10,
        what: '40 requests',
      });
      const askedAt = Date.now();
      dest.failNext(1, 429, { retryAfterSeconds: 2 });
      const results = (await Promise.all(handles.map((h) => h.result()))) as SyncRunResult[];

      expect(results.map((r) => r.status)).toEqual(['success', 'success', 'success']);
      for (const r of results) expect(r.counts.succeeded.added).toBe(PER_SYNC);
      expect(storedPerKey(dest.records()).size).toBe(3 * PER_SYNC);

      const pause = dest.received.find((r) => r.status === 429 && r.at >= askedAt)!;
      expect(pause).toBeDefined();
      const others = dest.received.filter((r) => r !== pause);
      // Every worker honoured the pause: nothing arrived from anyone until Retry-After had passed
      // (requests already on the wire when the 429 was answered may land in its first 200 ms).
      const duringPause = others.filter((r) => r.at > pause.at + 200 && r.at < pause.at + 1_950);
      expect(duringPause).toEqual([]);
      // All three syncs were still sending after the pause.
      const syncsAfter = new Set(
        others
          .filter((r) => r.at >= pause.at + 1_950)
          .flatMap((r) => (r.body as { batch?: WebhookRecord[] }).batch ?? [])
          .map((rec) => rec.key.split('-')[0]),
      );
      expect(syncsAfter).toEqual(new Set(['s1', 's2', 's3']));
      // Shared limit: never more than LIMIT (+5%) in any rolling second, across the three processes.
      const arrivals = others.map((r) => r.at);
      expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(Math.floor(LIMIT * 1.05));
      const limited = others.filter((r) => r.status === 429).length;
      expect(limited / others.length).toBeLessThanOrEqual(0.01);
      // And the three deliveries really ran in three different processes.
      const starts = await Promise.all(handles.map(lastDeliverStart));
      expect(new Set(starts.map((s) => s.identity)).size).toBe(3);
    } finally {
      await connection.close();
    }
  });
});
