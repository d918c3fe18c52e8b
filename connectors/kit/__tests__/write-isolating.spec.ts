import type { DestinationRecord } from '@syncline/domain';
import { startWebhookEmulator, type WebhookEmulator } from '../../testing/emulators/webhook/emulator';
import { webhookDestination } from '../../destinations/webhook/webhook-destination';
import { waitFor } from '@syncline/testing';
import { writeIsolating } from '../write-isolating';

const secret = 'whsec_isolate_0123456789';
let emulator: WebhookEmulator;
beforeEach(async () => {
  emulator = await startWebhookEmulator({ secret });
});
afterEach(() => emulator.close());

const records = (n: number): DestinationRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    op: 'added',
    fields: { n: i },
    idempotencyKey: `k${i}:1`,
  }));
const write = (batch: DestinationRecord[]) =>
  writeIsolating(webhookDestination, { url: emulator.url, secret, batchSize: 100, timeoutMs: 5000 }, batch, {
    mode: 'upsert',
  });

describe('writeIsolating', () => {
  it('narrows a refused batch down to its bad records in about 2·log2(n) requests', async () => {
    emulator.refuseKeys(['k5', 'k40']);
    const outcomes = await write(records(64));
    expect(outcomes.map((o) => o.key)).toEqual(records(64).map((r) => r.key));
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected).toEqual([
      { key: 'k5', status: 'rejected', reason: 'HTTP 422: {"error":"record k5 is invalid"}' },
      { key: 'k40', status: 'rejected', reason: 'HTTP 422: {"error":"record k40 is invalid"}' },
    ]);
    expect(emulator.records()).toHaveLength(62);
    expect(emulator.received.length).toBeLessThanOrEqual(1 + 2 * 2 * Math.log2(64));
  });

  it('retries a transient error met while isolating instead of losing the halves already delivered', async () => {
    emulator.refuseKeys(['k3']);
    // The first request is refused whole (k3) and answered late; the half sent next meets an outage.
    emulator.delayNext(1, 300);
    const pending = write(records(8));
    await waitFor(() => (emulator.received.length >= 1 ? true : undefined), { what: 'the first request' });
    emulator.failNext(1, 503);
    const outcomes = await pending;
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(7);
    expect(emulator.received.some((r) => r.status === 503)).toBe(true);
    expect(emulator.records()).toHaveLength(7);
  });

  it('passes other errors through untouched', async () => {
    emulator.failNext(1, 401);
    await expect(write(records(2))).rejects.toThrow('refused the signature/credentials');
  });
});
