/**
 * A real HTTP receiver of Syncline's webhook format for tests (this package's and other engineers' integration
 * tests). It enforces what a production receiver would: HMAC signature over the raw body (401), payload shape
 * (400), batch-size limit (413), Idempotency-Key de-duplication; and it can be told to fail, reject or stall.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBody, type WebhookRecord } from './emulator-validation';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from './signing';

export type { WebhookRecord } from './emulator-validation';

export interface ReceivedRequest {
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  rawBody: string;
  /** What the emulator answered. */
  status: number;
  /** Whether its records were added to `records()` (2xx and not a duplicate). */
  recorded: boolean;
}

export interface WebhookEmulator {
  url: string;
  /** Every request that arrived, in order, whatever the answer. */
  received: ReceivedRequest[];
  /** Records of accepted requests in arrival order; a replayed Idempotency-Key adds nothing. */
  records(): WebhookRecord[];
  /** The next `n` requests are answered `status` before any check (outages, 429 with Retry-After). Queues up. */
  failNext(n: number, status: number, options?: { retryAfterSeconds?: number }): void;
  /** The next `n` valid, signed requests are refused with `status` (default 422) and a message body. */
  rejectNext(n: number, status?: number): void;
  /** The next `n` requests are answered only after `ms` (timeouts). */
  delayNext(n: number, ms: number): void;
  /** Forgets every queued failNext / rejectNext / delayNext: the receiver is healthy again. */
  clearFaults(): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startWebhookEmulator(options: {
  secret: string;
  maxBatchSize?: number;
}): Promise<WebhookEmulator> {
  const { secret, maxBatchSize = 1000 } = options;
  const received: ReceivedRequest[] = [];
  const recorded: WebhookRecord[] = [];
  const seenKeys = new Set<string>();
  const failures: { status: number; retryAfterSeconds?: number }[] = [];
  const rejections: number[] = [];
  const delays: number[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function decide(
    headers: Record<string, string>,
    raw: Buffer,
    text: string,
  ): { answer: Answer; batch?: WebhookRecord[] } {
    const failure = failures.shift();
    if (failure) {
      const retry =
        failure.retryAfterSeconds === undefined
          ? undefined
          : { 'Retry-After': String(failure.retryAfterSeconds) };
      return { answer: { status: failure.status, body: { error: 'simulated failure' }, headers: retry } };
    }
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
    if (seenKeys.has(idempotencyKey)) return { answer: { status: 200, body: { duplicate: true } } };
    seenKeys.add(idempotencyKey);
    return { answer: { status: 200, body: { accepted: check.batch.length } }, batch: check.batch };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const headers = flattenHeaders(req);
    const text = raw?.toString('utf8') ?? '';
    const entry: ReceivedRequest = {
      headers,
      body: parseOrText(text),
      rawBody: text,
      status: 0,
      recorded: false,
    };
    received.push(entry);
    const { answer, batch } =
      raw === undefined
        ? { answer: { status: 413, body: { error: `body exceeds ${MAX_BODY_BYTES} bytes` } } }
        : req.method !== 'POST'
          ? { answer: { status: 405, body: { error: 'only POST is accepted' } } }
          : decide(headers, raw, text);
    if (batch) {
      recorded.push(...batch);
      entry.recorded = true;
    }
    entry.status = answer.status;
    const delay = delays.shift();
    if (delay) await new Promise<void>((resolve) => timers.add(setTimeout(resolve, delay)));
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    records: () => [...recorded],
    failNext(n, status, opts = {}) {
      for (let i = 0; i < n; i++) failures.push({ status, retryAfterSeconds: opts.retryAfterSeconds });
    },
    rejectNext(n, status = 422) {
      for (let i = 0; i < n; i++) rejections.push(status);
    },
    delayNext(n, ms) {
      for (let i = 0; i < n; i++) delays.push(ms);
    },
    clearFaults() {
      failures.length = 0;
      rejections.length = 0;
      delays.length = 0;
    },
    close() {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** The raw body, or undefined when it is larger than a receiver would read. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
