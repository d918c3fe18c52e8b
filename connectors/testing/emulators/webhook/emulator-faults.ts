/**
 * Fault injection for the webhook emulator (chaos tests and the delivery benchmark): what a flaky,
 * rate-limited receiver does — random 5xx, connection resets, stalls, an enforced rolling-window rate
 * limit answered with 429 + Retry-After, and 429 bursts. Seeded, so a failing run can be replayed.
 */
export interface FaultPlan {
  /** Share of requests answered 503 (0–1). */
  serverErrorRate?: number;
  /** Share of requests whose connection is reset after the batch was recorded (the sender cannot know). */
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

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'stall'; ms: number };

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

export interface FaultInjector {
  /** Faults that answer before the request is processed (429, 5xx), in the order a vendor applies them. */
  before(now: number): Fault | undefined;
  /** Faults that strike after the batch was processed (resets, stalls). */
  after(): Fault | undefined;
  /** Requests counted by the enforced rate limit (arrivals that were not refused). */
  readonly admitted: number[];
}

export function faultInjector(plan: FaultPlan): FaultInjector {
  const next = seededRandom(plan.seed ?? 1);
  const admitted: number[] = [];
  let burstUntil = 0;
  let lastBurst = Date.now();
  return {
    admitted,
    before(now) {
      if (plan.throttleBurst) {
        if (now >= lastBurst + plan.throttleBurst.everyMs) {
          lastBurst = now;
          burstUntil = now + plan.throttleBurst.retryAfterSeconds * 1000;
        }
        if (now < burstUntil)
          return { kind: 'status', status: 429, retryAfterSeconds: Math.ceil((burstUntil - now) / 1000) };
      }
      if (plan.rateLimit) {
        const { requests, perMs } = plan.rateLimit;
        while (admitted.length > 0 && admitted[0]! <= now - perMs) admitted.shift();
        if (admitted.length >= requests) {
          const retryAfterSeconds = Math.max(1, Math.ceil((admitted[0]! + perMs - now) / 1000));
          return { kind: 'status', status: 429, retryAfterSeconds };
        }
        admitted.push(now);
      }
      if (next() < (plan.serverErrorRate ?? 0)) return { kind: 'status', status: 503 };
      return undefined;
    },
    after() {
      if (next() < (plan.resetRate ?? 0)) return { kind: 'reset' };
      if (next() < (plan.stallRate ?? 0)) return { kind: 'stall', ms: plan.stallMs ?? 2_000 };
      return undefined;
    },
  };
}
