/**
 * A real HTTP receiver of Syncline's webhook format for tests (this package's and other engineers' integration
 * tests). It enforces what a production receiver would: HMAC signature over the raw body (401), payload shape
 * (400), batch-size limit (413), Idempotency-Key de-duplication; and it can be told to fail, reject or stall.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type EmulatorAnswer,
  EmulatorFaults,
  type FaultControls,
  type FaultPlan,
  type StatusFault,
} from '../kit/faults';
import { checkBody, type WebhookRecord } from './emulator-validation';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from '../../../destinations/webhook/signing';
import { parseOrText, readRequest, startEmulatorServer } from '../kit/emulator-server';

export type { WebhookRecord } from './emulator-validation';
export type { FaultPlan } from '../kit/faults';

export interface ReceivedRequest {
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  rawBody: string;
  /** What the emulator answered. */
  status: number;
  /** Whether its records were added to `records()` (2xx and not a duplicate). */
  recorded: boolean;
  /** Arrival time (ms since epoch). */
  at: number;
}

export interface WebhookEmulator extends FaultControls {
  url: string;
  /** Every request that arrived, in order, whatever the answer. */
  received: ReceivedRequest[];
  /**
   * Records of accepted requests in arrival order. A replayed request (same Idempotency-Key header) or a
   * replayed record (same per-record idempotencyKey, in any batch) adds nothing: see `replayedRecords`.
   */
  records(): WebhookRecord[];
  /** Records that arrived again with an idempotencyKey already recorded (and were not stored twice). */
  replayedRecords(): number;
  /** The next `n` valid, signed requests are refused with `status` (default 422) and a message body. */
  rejectNext(n: number, status?: number): void;
  /** From now on, a batch holding a record with one of these keys is refused whole (422), like a strict receiver. */
  refuseKeys(keys: string[]): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startWebhookEmulator(options: {
  secret: string;
  maxBatchSize?: number;
  faults?: FaultPlan;
}): Promise<WebhookEmulator> {
  const { secret, maxBatchSize = 1000 } = options;
  const faults = new EmulatorFaults(faultAnswer, options.faults);
  const recordKeys = new Set<string>();
  let replayed = 0;
  const received: ReceivedRequest[] = [];
  const recorded: WebhookRecord[] = [];
  const seenKeys = new Set<string>();
  const rejections: number[] = [];
  const refusedKeys = new Set<string>();

  function decide(
    headers: Record<string, string>,
    raw: Buffer,
    text: string,
  ): { answer: EmulatorAnswer; batch?: WebhookRecord[] } {
    if (!verifySignature(secret, raw, headers[SIGNATURE_HEADER.toLowerCase()])) {
      return { answer: { status: 401, body: { error: `missing or invalid ${SIGNATURE_HEADER}` } } };
    }
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return { answer: { status: 415, body: { error: 'Content-Type must be application/json' } } };
    }
    const check = checkBody(text);
    if (!check.ok) return { answer: { status: 400, body: { error: check.problem } } };
    if (check.batch.length > maxBatchSize) {
      const error = `batch of ${check.batch.length} records exceeds the limit of ${maxBatchSize}`;
      return { answer: { status: 413, body: { error } } };
    }
    const idempotencyKey = headers[IDEMPOTENCY_HEADER.toLowerCase()];
    if (!idempotencyKey)
      return { answer: { status: 400, body: { error: `${IDEMPOTENCY_HEADER} header is required` } } };
    const rejection = rejections.shift();
    if (rejection !== undefined)
      return { answer: { status: rejection, body: { error: 'rejected by the emulator' } } };
    const refused = check.batch.find((r) => refusedKeys.has(r.key));
    if (refused) return { answer: { status: 422, body: { error: `record ${refused.key} is invalid` } } };
    if (seenKeys.has(idempotencyKey)) return { answer: { status: 200, body: { duplicate: true } } };
    seenKeys.add(idempotencyKey);
    const fresh = check.batch.filter((r) => !recordKeys.has(r.idempotencyKey));
    replayed += check.batch.length - fresh.length;
    for (const r of fresh) recordKeys.add(r.idempotencyKey);
    return { answer: { status: 200, body: { accepted: check.batch.length } }, batch: fresh };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { raw, text, headers } = await readRequest(req, MAX_BODY_BYTES);
    const entry: ReceivedRequest = {
      headers,
      body: parseOrText(text),
      rawBody: text,
      status: 0,
      recorded: false,
      at: Date.now(),
    };
    received.push(entry);
    const early = faults.before(entry.at);
    const { answer, batch } = early
      ? { answer: early }
      : raw === undefined
        ? { answer: { status: 413, body: { error: `body exceeds ${MAX_BODY_BYTES} bytes` } } }
        : req.method !== 'POST'
          ? { answer: { status: 405, body: { error: 'only POST is accepted' } } }
          : decide(headers, raw, text);
    if (batch) {
      recorded.push(...batch);
      entry.recorded = true;
    }
    entry.status = answer.status;
    // A request a fault answered early is not processed, so nothing strikes it afterwards.
    entry.status = await server.respond(req, res, answer, { faults: early ? undefined : faults });
  }

  const server = await startEmulatorServer(handle);

  return {
    url: `${server.origin}/webhook`,
    received,
    records: () => [...recorded],
    replayedRecords: () => replayed,
    setFaults: (plan) => faults.setFaults(plan),
    failNext: (n, status, opts) => faults.failNext(n, status, opts),
    throttleNext: (n, seconds) => faults.throttleNext(n, seconds),
    delayNext: (n, ms) => faults.delayNext(n, ms),
    refuseKeys(keys) {
      for (const key of keys) refusedKeys.add(key);
    },
    rejectNext(n, status = 422) {
      for (let i = 0; i < n; i++) rejections.push(status);
    },
    clearFaults() {
      refusedKeys.clear();
      rejections.length = 0;
      faults.clearFaults();
    },
    close() {
      return server.close();
    },
  };
}

function faultAnswer({ status, retryAfterSeconds }: StatusFault): EmulatorAnswer {
  const headers = retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) };
  return { status, body: { error: status === 429 ? 'rate limited' : 'simulated outage' }, headers };
}
