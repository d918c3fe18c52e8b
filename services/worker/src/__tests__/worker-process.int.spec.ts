/**
 * The worker as it runs in production: a real process started with the image's CMD, loading the workflow
 * bundle that `bundle:workflows` builds in the image. SIGTERM in the middle of a delivery drains it within
 * the grace period and exits 0; a second process resumes the run and every row arrives exactly once.
 */
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
import {
  ControlPlaneBuilder,
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  testEncryptionKey,
  testTemporalAddress,
  waitFor,
  type TestDatabase,
} from '@syncline/testing';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { buildWorkflowBundle } from './helpers/worker-fleet';
import { freePort, startWorkerProcess, type WorkerProcess } from './helpers/worker-process';

const ROWS = 300;
const BATCH = 20;
const BATCH_LATENCY_MS = 400;
const GRACE_MS = 2_000;
const secret = 'whsec_sigterm_0123456789';

describe('worker process (production bundle, SIGTERM)', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let builder: ControlPlaneBuilder;
  let receiver: WebhookEmulator;
  let connection: Connection;
  let client: Client;
  let bundlePath: string;
  const workers: WorkerProcess[] = [];
  const key = testEncryptionKey();
  const taskQueue = `worker-process-${Date.now().toString(36)}`;

  beforeAll(async () => {
    bundlePath = buildWorkflowBundle();
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    const wh = new PgClient({ connectionString: warehouse.url });
    await wh.connect();
    await wh.query(`CREATE TABLE customers (id int, email text, plan text)`);
    await wh.query(
      `INSERT INTO customers SELECT g, 'user' || g || '@example.com', 'free' FROM generate_series(1, $1) g`,
      [ROWS],
    );
    await wh.end();
    builder = await ControlPlaneBuilder.connect(controlPlane.url, key);
    receiver = await startWebhookEmulator({ secret, maxBatchSize: BATCH });
    connection = await Connection.connect({ address: testTemporalAddress() });
    client = new Client({ connection });
  });

  afterAll(async () => {
    for (const w of workers)
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await connection?.close();
    await receiver?.close();
    await builder?.close();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  async function startWorker(): Promise<WorkerProcess> {
    const worker = await startWorkerProcess({
      DATABASE_URL: controlPlane.url,
      SYNCLINE_ENCRYPTION_KEY: key,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKFLOW_BUNDLE_PATH: bundlePath,
      WORKER_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      TEMPORAL_METRICS_PORT: String(await freePort()),
      LOG_LEVEL: 'log',
    });
    workers.push(worker);
    return worker;
  }

  it('drains on SIGTERM mid-delivery, exits 0, and a new worker finishes the run with every row once', async () => {
    const fx = await builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      model: { sql: 'SELECT id, email, plan FROM customers', primaryKey: 'id' },
      destination: { type: 'webhook', config: { url: receiver.url, secret, batchSize: BATCH } },
      sync: {
        mode: 'upsert',
        mapping: [
          { from: 'id', to: 'customer_id' },
          { from: 'email', to: 'email' },
        ],
      },
    });
    receiver.delayNext(ROWS / BATCH, BATCH_LATENCY_MS);

    const first = await startWorker();
    expect(first.output()).toContain(`from the bundle ${bundlePath}`);
    const handle = await client.workflow.start(SYNC_RUN_WORKFLOW, {
      taskQueue,
      workflowId: syncRunWorkflowId(fx.syncId),
      args: [{ syncId: fx.syncId, trigger: 'api' } satisfies SyncRunInput],
    });
    await waitFor(() => (receiver.records().length >= 3 * BATCH ? true : undefined), {
      timeoutMs: 60_000,
      what: 'three delivered batches',
    });

    const sentAt = Date.now();
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    // The grace period plus closing pools and the connection; Kubernetes waits 60 s (terminationGracePeriodSeconds).
    expect(exit.at - sentAt).toBeLessThan(GRACE_MS + 10_000);
    expect(first.output()).toContain('letting in-flight activities checkpoint');
    const deliveredBeforeStop = receiver.records().length;
    expect(deliveredBeforeStop).toBeLessThan(ROWS); // it really was stopped mid-run

    receiver.clearFaults();
    const second = await startWorker();
    const result = (await handle.result()) as SyncRunResult;
    expect(result.status).toBe('success');
    expect(result.counts.planned).toEqual({ added: ROWS, changed: 0, removed: 0 });
    expect(result.counts.succeeded).toEqual({ added: ROWS, changed: 0, removed: 0 });

    // The deliver activity stopped on the first process was retried (attempt ≥ 2) and resumed on the second.
    const history = await handle.fetchHistory();
    const deliverAttempts = (history.events ?? [])
      .map((e) => e.activityTaskStartedEventAttributes?.attempt)
      .filter((a): a is number => typeof a === 'number');
    expect(Math.max(...deliverAttempts)).toBeGreaterThanOrEqual(2);

    const keys = receiver.records().map((r) => r.key);
    expect(keys).toHaveLength(ROWS);
    expect(new Set(keys).size).toBe(ROWS);
    // At most the one batch cut off by the shutdown is sent again, and the receiver dedups it by Idempotency-Key.
    const replays = receiver.received.filter((r) => r.status === 200 && !r.recorded);
    expect(replays.length).toBeLessThanOrEqual(1);

    // The second process counted what it delivered, and the Temporal SDK's own metrics ride along.
    const metrics = await (await second.get('/metrics')).text();
    const accepted = /syncline_rows_delivered_total\{outcome="accepted"\} (\d+)/.exec(metrics)?.[1];
    expect(Number(accepted)).toBeGreaterThanOrEqual(ROWS - deliveredBeforeStop);
    expect(metrics).toContain('syncline_sync_runs_finished_total{status="success"} 1');
    expect(metrics).toContain('syncline_activity_executions_total{activity="deliver",outcome="completed"} 1');
    expect(metrics).toMatch(/^temporal_/m);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
