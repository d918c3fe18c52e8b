import { createServer, type AddressInfo } from 'node:net';
import type { DestinationRecord } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import { writeIsolating } from '../../../kit/write-isolating';
import { batchIdempotencyKey, signBody } from '../signing';
import { startWebhookEmulator, type WebhookEmulator } from '../../../testing/emulators/webhook/emulator';
import { webhookDestination } from '../webhook-destination';
import type { WebhookDestinationConfig } from '../webhook-destination.config';

const secret = 'whsec_0123456789abcdef';

/** A local port nobody listens on (fetch refuses "unsafe" ports such as 1 before connecting). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hook`;
}
let emulator: WebhookEmulator;
let config: WebhookDestinationConfig;

beforeEach(async () => {
  emulator = await startWebhookEmulator({ secret });
  config = {
    url: emulator.url,
    secret,
    batchSize: 100,
    timeoutMs: 5000,
    headers: { Authorization: 'Bearer tok-123' },
  };
});
afterEach(async () => emulator.close());

const rec = (key: string, op: DestinationRecord['op'] = 'added'): DestinationRecord => ({
  key,
  op,
  fields: op === 'removed' ? {} : { email: `${key}@x`, n: 1 },
  idempotencyKey: `ik-${key}-${op}`,
});

const write = (records: DestinationRecord[], overrides: Partial<WebhookDestinationConfig> = {}) =>
  webhookDestination.write({ ...config, ...overrides }, records, { mode: 'upsert' });

async function writeError(run: () => Promise<unknown>): Promise<SynclineError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SynclineError);
  return err as SynclineError;
}

describe('webhook destination: write', () => {
  it('sends one signed request the emulator verifies, with idempotency and custom headers', async () => {
    const outcomes = await write([rec('1'), rec('2', 'removed')]);
    expect(outcomes).toEqual([
      { key: '1', status: 'accepted' },
      { key: '2', status: 'accepted' },
    ]);
    expect(emulator.received).toHaveLength(1);
    const [request] = emulator.received;
    expect(request!.status).toBe(200);
    expect(request!.headers['x-syncline-signature']).toBe(signBody(secret, request!.rawBody));
    expect(request!.headers['idempotency-key']).toBe(batchIdempotencyKey(['ik-1-added', 'ik-2-removed']));
    expect(request!.headers['authorization']).toBe('Bearer tok-123');
    expect(request!.body).toEqual({
      batch: [
        { op: 'added', key: '1', fields: { email: '1@x', n: 1 }, idempotencyKey: 'ik-1-added' },
        { op: 'removed', key: '2', fields: {}, idempotencyKey: 'ik-2-removed' },
      ],
    });
  });

  it('is refused by the receiver when signed with another secret: DestinationConnectionFailed', async () => {
    const err = await writeError(() => write([rec('1')], { secret: 'a-different-secret-value' }));
    expect(err.code).toBe(ErrorCode.DestinationConnectionFailed);
    expect(err.message).toContain('refused the signature/credentials');
    expect(emulator.received[0]!.status).toBe(401);
    expect(emulator.records()).toEqual([]);
  });

  it('leaves a Retry-After longer than 30 s to the run retry: RateLimited with the delay', async () => {
    emulator.failNext(1, 429, { retryAfterSeconds: 120 });
    const err = await writeError(() => write([rec('1')]));
    expect(err.code).toBe(ErrorCode.RateLimited);
    expect(err.retryAfterMs).toBe(120_000);
    expect(err.transient).toBe(true);
  });

  it('throws DestinationUnavailable on 500 and succeeds on the retry', async () => {
    emulator.failNext(1, 500);
    expect((await writeError(() => write([rec('1')]))).code).toBe(ErrorCode.DestinationUnavailable);
    expect(await write([rec('1')])).toEqual([{ key: '1', status: 'accepted' }]);
    expect(emulator.records()).toHaveLength(1);
  });

  it('refuses a batch the receiver answers 400 as a whole, with status and body', async () => {
    emulator.rejectNext(1, 400);
    const err = await writeError(() => write([rec('1'), rec('2')]));
    expect(err).toBeInstanceOf(BatchRejectedError);
    expect(err.message).toBe('HTTP 400: {"error":"rejected by the emulator"}');
  });

  it('delivers a batch above the receiver limit (413) by splitting it', async () => {
    const small = await startWebhookEmulator({ secret, maxBatchSize: 1 });
    try {
      const outcomes = await writeIsolating(
        webhookDestination,
        { ...config, url: small.url },
        [rec('1'), rec('2')],
        {
          mode: 'upsert',
        },
      );
      expect(outcomes).toEqual([
        { key: '1', status: 'accepted' },
        { key: '2', status: 'accepted' },
      ]);
      expect(small.received.map((r) => r.status)).toEqual([413, 200, 200]);
    } finally {
      await small.close();
    }
  });

  it('times out a receiver that does not answer: DestinationUnavailable', async () => {
    emulator.delayNext(1, 3000);
    const started = Date.now();
    const err = await writeError(() => write([rec('1')], { timeoutMs: 200 }));
    expect(err.code).toBe(ErrorCode.DestinationUnavailable);
    expect(err.message).toContain('no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops when the sync run is cancelled', async () => {
    emulator.delayNext(1, 3000);
    const controller = new AbortController();
    const pending = webhookDestination.write(config, [rec('1')], {
      mode: 'upsert',
      signal: controller.signal,
    });
    controller.abort();
    const err = await writeError(() => pending);
    expect(err.code).toBe(ErrorCode.DestinationUnavailable);
    expect(err.message).toContain('cancelled');
  });

  it('throws DestinationUnavailable when nothing listens', async () => {
    const url = await closedPortUrl();
    const err = await writeError(() => write([rec('1')], { url }));
    expect(err.code).toBe(ErrorCode.DestinationUnavailable);
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('splits more records than batchSize into several requests', async () => {
    const outcomes = await write([rec('1'), rec('2'), rec('3')], { batchSize: 2 });
    expect(outcomes.map((o) => o.key)).toEqual(['1', '2', '3']);
    expect(emulator.received.map((r) => (r.body as { batch: unknown[] }).batch.length)).toEqual([2, 1]);
  });

  it('rejects alone a record whose fields cannot be serialised', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const outcomes = await write([rec('1'), { ...rec('2'), fields: circular }]);
    expect(outcomes[0]).toEqual({ key: '1', status: 'accepted' });
    expect(outcomes[1]).toMatchObject({
      key: '2',
      status: 'rejected',
      reason: expect.stringContaining('JSON'),
    });
    expect(emulator.records().map((r) => r.key)).toEqual(['1']);
  });
});

describe('webhook destination: check and metadata', () => {
  it('passes with the right secret and explains a refused one', async () => {
    expect(await webhookDestination.check(config)).toEqual({
      ok: true,
      message: expect.stringContaining('HTTP 200'),
    });
    expect(emulator.received[0]!.body).toEqual({ batch: [], test: true });
    const refused = await webhookDestination.check({ ...config, secret: 'a-different-secret-value' });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('refused the signature/credentials');
  });

  it('reports an unreachable receiver', async () => {
    const result = await webhookDestination.check({ ...config, url: await closedPortUrl() });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/could not be reached: ECONNREFUSED/),
    });
  });

  it('offers one free-form object for every mode', async () => {
    expect(await webhookDestination.objects(config)).toEqual([
      { name: 'events', modes: ['insert', 'update', 'upsert', 'mirror'] },
    ]);
    expect(await webhookDestination.fields(config, 'events')).toEqual([]);
    expect(webhookDestination.batchSize?.({ ...config, batchSize: 250 })).toBe(250);
  });
});
