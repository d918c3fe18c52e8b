/**
 * The deliver activity in a MockActivityEnvironment against real Postgres and the webhook emulator: the
 * heartbeats that carry its resume cursor, the backoff of attempts that make no progress and the give-up
 * after too many, and cancellation while a request is in flight.
 */
import {
  startWebhookEmulator,
  type WebhookEmulator,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import type { PlanInput } from '@syncline/contracts';
import { SecretBox } from '@syncline/crypto';
import { createDataSource } from '@syncline/db';
import {
  ControlPlaneBuilder,
  createControlPlaneDatabase,
  createEmptyDatabase,
  pgConnectorConfig,
  testEncryptionKey,
  type TestDatabase,
  waitFor,
} from '@syncline/testing';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../activity-deps';
import { createActivities } from '../create-activities';
import { type DeliverProgress, MAX_STALLED_ATTEMPTS } from '../deliver-backoff';

const ROWS = 25;
const SECRET = 'deliver-activity-secret-0123';

describe('deliver activity (MockActivityEnvironment)', () => {
  let controlPlane: TestDatabase;
  let warehouse: TestDatabase;
  let builder: ControlPlaneBuilder;
  let dataSource: DataSource;
  let pool: Pool;
  let receiver: WebhookEmulator;
  let activities: ReturnType<typeof createActivities>;
  const key = testEncryptionKey();

  beforeAll(async () => {
    controlPlane = await createControlPlaneDatabase();
    warehouse = await createEmptyDatabase();
    const wh = new Pool({ connectionString: warehouse.url, max: 1 });
    await wh.query(
      `CREATE TABLE customers AS SELECT g AS id, 'c' || g || '@x.io' AS email FROM generate_series(1, ${ROWS}) g`,
    );
    await wh.end();
    builder = await ControlPlaneBuilder.connect(controlPlane.url, key);
    dataSource = await createDataSource(controlPlane.url).initialize();
    pool = new Pool({ connectionString: controlPlane.url, max: 4 });
    receiver = await startWebhookEmulator({ secret: SECRET });
    const deps: ActivityDeps = { dataSource, pool, secretBox: new SecretBox(key) };
    activities = createActivities(deps);
  });

  afterAll(async () => {
    await receiver?.close();
    await pool?.end();
    await dataSource?.destroy();
    await builder?.close();
    await warehouse?.drop();
    await controlPlane?.drop();
  });

  beforeEach(() => receiver.clearFaults());

  /** A sync planned by the real plan activity: ROWS staged changes, delivered in batches of 10. */
  async function plannedRun(): Promise<{ runId: string; syncId: string }> {
    const fixture = await builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(warehouse.url) },
      model: { sql: 'SELECT id, email FROM customers', primaryKey: 'id' },
      destination: { type: 'webhook', config: { url: receiver.url, secret: SECRET, batchSize: 10 } },
      sync: {
        mode: 'upsert',
        mapping: [
          { from: 'id', to: 'id' },
          { from: 'email', to: 'email' },
        ],
      },
    });
    const runId = randomUUID();
    const input: PlanInput = {
      runId,
      workflowId: `sync-${fixture.syncId}`,
      syncId: fixture.syncId,
      trigger: 'api',
      fullResync: false,
      resetCDC: false,
    };
    await new MockActivityEnvironment().run(activities.plan, input);
    return { runId, syncId: fixture.syncId };
  }

  it('heartbeats its cursor after every recorded batch', async () => {
    const run = await plannedRun();
    const env = new MockActivityEnvironment();
    const beats: DeliverProgress[] = [];
    env.on('heartbeat', (d: DeliverProgress) => beats.push(d));
    expect(await env.run(activities.deliver, run)).toEqual({
      attempted: ROWS,
      accepted: ROWS,
      rejected: 0,
      deferred: 0,
    });
    expect(beats.map((b) => b.cursor)).toEqual(expect.arrayContaining([0, 10, 20, 25]));
    expect(beats.at(-1)).toMatchObject({ cursor: 25, stalled: 0, accepted: ROWS });
  });

  it('fails an attempt retryably on a 5xx, and the retried attempt delivers every row once', async () => {
    const run = await plannedRun();
    receiver.failNext(1, 503);
    const first = new MockActivityEnvironment();
    const beats: DeliverProgress[] = [];
    first.on('heartbeat', (d: DeliverProgress) => beats.push(d));
    // The first attempt fails on its first batch with a retryable error and a 1 s backoff.
    const failure = await first.run(activities.deliver, run).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'DESTINATION_UNAVAILABLE',
      nonRetryable: false,
      nextRetryDelay: 1_000,
    });
    const retry = new MockActivityEnvironment({ heartbeatDetails: beats.at(-1) });
    expect(await retry.run(activities.deliver, run)).toMatchObject({ accepted: ROWS });
    expect(receiver.records()).toHaveLength(ROWS * 2); // this spec's two runs, each record once
  });

  it('backs off while attempts make no progress and gives up after too many', async () => {
    const run = await plannedRun();
    receiver.failNext(2, 503);
    const stalled = (n: number) =>
      new MockActivityEnvironment({ heartbeatDetails: { cursor: 0, stalled: n } satisfies DeliverProgress });
    // The 4th attempt in a row without progress waits 2^3 s before the next.
    expect(
      await stalled(2)
        .run(activities.deliver, run)
        .catch((e: unknown) => e),
    ).toMatchObject({
      nonRetryable: false,
      nextRetryDelay: 8_000,
    });
    const last = await stalled(MAX_STALLED_ATTEMPTS - 2)
      .run(activities.deliver, run)
      .catch((e: unknown) => e);
    expect(last).toMatchObject({ type: 'DESTINATION_UNAVAILABLE', nonRetryable: true });
    expect((last as Error).message).toContain(`no progress in ${MAX_STALLED_ATTEMPTS} attempts`);
  });

  it('stops at once when cancelled while a request is in flight', async () => {
    const run = await plannedRun();
    receiver.delayNext(1, 10_000);
    const env = new MockActivityEnvironment();
    const seen = receiver.received.length;
    const delivering = env.run(activities.deliver, run).catch((e: unknown) => e);
    await waitFor(async () => (receiver.received.length > seen ? true : undefined), {
      what: 'the first request',
    });
    const started = Date.now();
    env.cancel();
    expect(await delivering).toBeInstanceOf(CancelledFailure);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
