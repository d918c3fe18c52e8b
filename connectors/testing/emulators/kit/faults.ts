/**
 * The one fault-injection interface every vendor emulator offers (`FaultControls`) and the one answer type
 * they all produce (`EmulatorAnswer`). Faults are queued (`failNext`, `throttleNext`, `delayNext`, or a
 * vendor's own canned answer) or random from a seeded plan (chaos tests, the delivery benchmark: 5xx,
 * connection resets, stalls, an enforced rolling-window rate limit, 429 bursts). Each emulator renders a
 * status fault in its vendor's error format; the rest is the same for all.
 */

export interface EmulatorAnswer {
  status: number;
  /** JSON body (serialised), unless `text` is given. */
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A fault answered with a status; the emulator words it as its vendor does (Retry-After where given). */
export interface StatusFault {
  status: number;
  retryAfterSeconds?: number;
}

export interface FaultPlan {
  /** Share of requests answered 503 (0–1). */
  serverErrorRate?: number;
  /** Share of requests whose connection is reset after the request was processed (the sender cannot know). */
  resetRate?: number;
  /** Share of requests answered only after `stallMs`. */
  stallRate?: number;
  stallMs?: number;
  /** Enforced like a vendor does: more than `requests` arrivals in any `perMs` window are answered 429. */
  rateLimit?: { requests: number; perMs: number };
  /** Every `everyMs`, the next request opens a window of `retryAfterSeconds` in which every request gets 429. */
  throttleBurst?: { everyMs: number; retryAfterSeconds: number };
  seed?: number;
}

export interface FaultControls {
  /**
   * The next `n` requests (after `skip` more that pass) are answered `status` before any check, with
   * `Retry-After` when `retryAfterSeconds` is given. Queues up behind faults already queued.
   */
  failNext(n: number, status: number, options?: { retryAfterSeconds?: number; skip?: number }): void;
  /** The next `n` requests are answered 429 with `Retry-After: seconds`, in the vendor's format. */
  throttleNext(n: number, retryAfterSeconds: number): void;
  /** The next `n` requests are answered only after `ms` (timeouts, requests in flight). */
  delayNext(n: number, ms: number): void;
  /** Random faults from now on; undefined: none. */
  setFaults(plan: FaultPlan | undefined): void;
  /** Forgets every queued and random fault: the emulator is healthy again. */
  clearFaults(): void;
}

/** What strikes after a request was processed: its connection is reset, or its answer waits. */
export type LateFault = { kind: 'reset' } | { kind: 'stall'; ms: number };

/** mulberry32: a tiny seeded PRNG, enough to make fault sequences (and chaos runs) reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Queued = { skip: number; answer: () => EmulatorAnswer };

/** Random faults of a plan. */
class RandomFaults {
  /** Arrivals the enforced rate limit counted (those it did not refuse). */
  private readonly admitted: number[] = [];
  private readonly next: () => number;
  private burstUntil = 0;
  private lastBurst = Date.now();

  constructor(private readonly plan: FaultPlan) {
    this.next = seededRandom(plan.seed ?? 1);
  }

  before(now: number): StatusFault | undefined {
    const { throttleBurst, rateLimit } = this.plan;
    if (throttleBurst) {
      if (now >= this.lastBurst + throttleBurst.everyMs) {
        this.lastBurst = now;
        this.burstUntil = now + throttleBurst.retryAfterSeconds * 1000;
      }
      if (now < this.burstUntil)
        return { status: 429, retryAfterSeconds: Math.ceil((this.burstUntil - now) / 1000) };
    }
    if (rateLimit) {
      while (this.admitted.length > 0 && this.admitted[0]! <= now - rateLimit.perMs) this.admitted.shift();
      if (this.admitted.length >= rateLimit.requests) {
        const retryAfterSeconds = Math.max(1, Math.ceil((this.admitted[0]! + rateLimit.perMs - now) / 1000));
        return { status: 429, retryAfterSeconds };
      }
      this.admitted.push(now);
    }
    if (this.next() < (this.plan.serverErrorRate ?? 0)) return { status: 503 };
    return undefined;
  }

  after(): LateFault | undefined {
    if (this.next() < (this.plan.resetRate ?? 0)) return { kind: 'reset' };
    if (this.next() < (this.plan.stallRate ?? 0)) return { kind: 'stall', ms: this.plan.stallMs ?? 2_000 };
    return undefined;
  }
}

export class EmulatorFaults implements FaultControls {
  private readonly queue: Queued[] = [];
  private readonly delays: number[] = [];
  private random: RandomFaults | undefined;

  /** `render` words a status fault in the vendor's format (its error body, its rate-limit headers). */
  constructor(
    private readonly render: (fault: StatusFault) => EmulatorAnswer,
    plan?: FaultPlan,
  ) {
    this.random = plan && new RandomFaults(plan);
  }

  failNext(n: number, status: number, options: { retryAfterSeconds?: number; skip?: number } = {}): void {
    const fault: StatusFault = { status, retryAfterSeconds: options.retryAfterSeconds };
    for (let i = 0; i < n; i++)
      this.queue.push({ skip: i === 0 ? (options.skip ?? 0) : 0, answer: () => this.render(fault) });
  }

  throttleNext(n: number, retryAfterSeconds: number): void {
    this.failNext(n, 429, { retryAfterSeconds });
  }

  /** The next `n` requests get this vendor-specific answer (a throttling error code, an expired session). */
  answerNext(n: number, answer: () => EmulatorAnswer): void {
    for (let i = 0; i < n; i++) this.queue.push({ skip: 0, answer });
  }

  delayNext(n: number, ms: number): void {
    for (let i = 0; i < n; i++) this.delays.push(ms);
  }

  setFaults(plan: FaultPlan | undefined): void {
    this.random = plan && new RandomFaults(plan);
  }

  clearFaults(): void {
    this.queue.length = 0;
    this.delays.length = 0;
    this.random = undefined;
  }

  /**
   * The answer a fault gives this request before it is checked, if one strikes: the random plan first (its
   * enforced rate limit counts every arrival), then the queue.
   */
  before(now = Date.now()): EmulatorAnswer | undefined {
    const random = this.random?.before(now);
    if (random) return this.render(random);
    const head = this.queue[0];
    if (head && head.skip > 0) head.skip -= 1;
    else if (head) return this.queue.shift()!.answer();
    return undefined;
  }

  /** What strikes once the request was processed: a queued delay, or the random plan's reset or stall. */
  after(): LateFault | undefined {
    const delay = this.delays.shift();
    if (delay !== undefined) return { kind: 'stall', ms: delay };
    return this.random?.after();
  }
}
