/**
 * A destination that fails like real ones do, all at once: 20% 503s, 429 bursts with Retry-After, stalls,
 * connection resets after the data landed, and records it refuses for their content. The run delivers
 * every good row exactly once, isolates the bad ones with the receiver's reason, and the next run sends
 * them again once the receiver accepts them.
 */
import {
  startWebhookEmulator,
  type WebhookEmulator,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { useSyncTestBed } from '../helpers/sync-test-bed';

const ROWS = 2_000;
const BATCH = 100;
const BAD_KEYS = ['17', '1234', '1999'];
const secret = 'whsec_flaky_0123456789';

describe('delivery to a flaky destination', () => {
  let receiver: WebhookEmulator;
  const bed = useSyncTestBed();

  beforeAll(async () => {
    await bed.wh.query(`CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL)`);
    await bed.wh.query(
      `INSERT INTO customers SELECT g, 'user' || g || '@example.com' FROM generate_series(1, $1) g`,
      [ROWS],
    );
    receiver = await startWebhookEmulator({
      secret,
      maxBatchSize: BATCH,
      faults: {
        serverErrorRate: 0.2,
        throttleBurst: { everyMs: 3_000, retryAfterSeconds: 1 },
        stallRate: 0.05,
        stallMs: 1_500,
        resetRate: 0.03,
        seed: 42,
      },
    });
    receiver.refuseKeys(BAD_KEYS);
  });

  afterAll(async () => {
    await receiver?.close();
  });

  it('delivers every good row once, records refused rows with the reason, and retries them next run', async () => {
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, email FROM customers', primaryKey: 'id' },
      destination: {
        type: 'webhook',
        // Stalls of 1.5 s against a 1 s timeout: the sender gives up while the receiver keeps the batch.
        config: { url: receiver.url, secret, batchSize: BATCH, timeoutMs: 1_000 },
        rateLimit: { requests: 200, perMs: 1000, concurrency: 4 },
      },
      sync: {
        mode: 'upsert',
        mapping: [
          { from: 'id', to: 'customer_id' },
          { from: 'email', to: 'email' },
        ],
      },
    });

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('warning');
    expect(first.counts.succeeded.added).toBe(ROWS - BAD_KEYS.length);
    expect(first.counts.failed.added).toBe(BAD_KEYS.length);

    const statuses = receiver.received.map((r) => r.status);
    // The faults really happened: outages, throttling, resets (status 0) and whole-batch refusals.
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(5);
    expect(statuses).toContain(429);
    expect(statuses).toContain(0);
    expect(statuses).toContain(422);

    const perKey = new Map<string, number>();
    for (const r of receiver.records()) perKey.set(r.key, (perKey.get(r.key) ?? 0) + 1);
    expect(perKey.size).toBe(ROWS - BAD_KEYS.length);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    for (const bad of BAD_KEYS) expect(perKey.has(bad)).toBe(false);

    const { rows: refused } = await bed.worker.pool.query<{ key: string; reason: string }>(
      `SELECT key, reason FROM sync_run_row WHERE run_id = $1 AND status = 'rejected' ORDER BY key`,
      [first.runId],
    );
    expect(refused).toEqual(
      [...BAD_KEYS].sort().map((k) => ({ key: k, reason: `HTTP 422: {"error":"record ${k} is invalid"}` })),
    );

    // The receiver is fixed: the next run sends exactly the refused rows, and they land.
    receiver.clearFaults();
    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.status).toBe('success');
    expect(second.counts.planned).toEqual({ added: BAD_KEYS.length, changed: 0, removed: 0 });
    expect(second.counts.succeeded.added).toBe(BAD_KEYS.length);
    const keys = receiver.records().map((r) => r.key);
    expect(keys).toHaveLength(ROWS);
    expect(new Set(keys).size).toBe(ROWS);
  });
});
