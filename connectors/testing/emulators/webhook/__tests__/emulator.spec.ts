import { createHash } from 'node:crypto';
import { signBody } from '../../../../destinations/webhook/signing';
import { startWebhookEmulator, type WebhookEmulator } from '../emulator';

const secret = 'whsec_0123456789abcdef';
let emulator: WebhookEmulator;

beforeEach(async () => {
  emulator = await startWebhookEmulator({ secret, maxBatchSize: 2 });
});
afterEach(async () => emulator.close());

const record = (key: string) => ({ op: 'added', key, fields: { n: 1 }, idempotencyKey: `${key}:1` });

async function post(
  body: string,
  {
    sign = secret,
    idempotencyKey = createHash('sha256').update(body).digest('hex'),
    contentType = 'application/json',
  } = {},
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Idempotency-Key': idempotencyKey };
  if (sign) headers['X-Syncline-Signature'] = signBody(sign, body);
  const res = await fetch(emulator.url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

describe('webhook emulator', () => {
  it('records a signed, well-formed batch', async () => {
    const body = JSON.stringify({ batch: [record('a'), record('b')] });
    expect((await post(body)).status).toBe(200);
    expect(emulator.records().map((r) => r.key)).toEqual(['a', 'b']);
    expect(emulator.received[0]).toMatchObject({ status: 200, recorded: true, rawBody: body });
  });

  it('answers 401 to a missing or wrong signature and records nothing', async () => {
    const body = JSON.stringify({ batch: [record('a')] });
    expect((await post(body, { sign: '' })).status).toBe(401);
    expect((await post(body, { sign: 'not-the-secret-0000' })).status).toBe(401);
    expect(emulator.records()).toEqual([]);
  });

  it('answers 400 with the problem for a malformed payload', async () => {
    const bad = await post(JSON.stringify({ batch: [{ op: 'added', key: 'a', fields: {} }] }));
    expect(bad).toEqual({ status: 400, body: expect.stringContaining('batch[0]: \\"idempotencyKey\\"') });
    expect((await post(JSON.stringify({ records: [] }))).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ batch: [] }), { contentType: 'text/plain' })).status).toBe(415);
  });

  it('answers 413 above the batch-size limit', async () => {
    const res = await post(JSON.stringify({ batch: [record('a'), record('b'), record('c')] }));
    expect(res.status).toBe(413);
    expect(res.body).toContain('exceeds the limit of 2');
  });

  it('accepts a replayed Idempotency-Key without recording it twice', async () => {
    const body = JSON.stringify({ batch: [record('a')] });
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(emulator.records()).toHaveLength(1);
    expect(emulator.received.map((r) => r.recorded)).toEqual([true, false]);
  });

  it('fails, rejects and delays on request, in order', async () => {
    emulator.failNext(1, 503);
    emulator.failNext(1, 429, { retryAfterSeconds: 3 });
    emulator.rejectNext(1);
    const body = JSON.stringify({ batch: [record('a')] });
    expect((await post(body)).status).toBe(503);
    const limited = await fetch(emulator.url, { method: 'POST', body });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await post(body)).status).toBe(422);
    expect((await post(body)).status).toBe(200);
    expect(emulator.records()).toHaveLength(1);
  });

  it('forgets queued faults on clearFaults', async () => {
    emulator.failNext(5, 503);
    emulator.rejectNext(5);
    emulator.clearFaults();
    expect((await post(JSON.stringify({ batch: [record('a')] }))).status).toBe(200);
  });

  it('stores a record replayed in another batch once', async () => {
    expect((await post(JSON.stringify({ batch: [record('a'), record('b')] }))).status).toBe(200);
    expect((await post(JSON.stringify({ batch: [record('b')] }))).status).toBe(200);
    expect(emulator.records().map((r) => r.key)).toEqual(['a', 'b']);
    expect(emulator.replayedRecords()).toBe(1);
  });

  it('enforces a rolling-window rate limit with 429 and the seconds until a slot frees', async () => {
    emulator.setFaults({ rateLimit: { requests: 2, perMs: 1000 } });
    const statuses: number[] = [];
    for (const key of ['a', 'b', 'c'])
      statuses.push((await post(JSON.stringify({ batch: [record(key)] }))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await fetch(emulator.url, { method: 'POST', body: '{}' });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(emulator.records().map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('answers 503 at the configured rate and resets connections after recording', async () => {
    emulator.setFaults({ serverErrorRate: 1 });
    expect((await post(JSON.stringify({ batch: [record('a')] }))).status).toBe(503);
    emulator.setFaults({ resetRate: 1 });
    await expect(post(JSON.stringify({ batch: [record('b')] }))).rejects.toThrow();
    // The receiver kept the batch although the sender never heard back: only idempotency saves a replay.
    expect(emulator.records().map((r) => r.key)).toEqual(['b']);
    emulator.setFaults(undefined);
    expect((await post(JSON.stringify({ batch: [record('b'), record('c')] }))).status).toBe(200);
    expect(emulator.records().map((r) => r.key)).toEqual(['b', 'c']);
  });

  it('opens 429 bursts with a Retry-After covering the burst', async () => {
    emulator.setFaults({ throttleBurst: { everyMs: 0, retryAfterSeconds: 2 } });
    const limited = await fetch(emulator.url, { method: 'POST', body: '{}' });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
  });
});
