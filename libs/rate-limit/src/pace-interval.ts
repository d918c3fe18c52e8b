/**
 * The spacing between two requests that keeps a destination under its limit in ANY window of its length,
 * not just in fixed windows: vendors count over rolling windows (HubSpot: 10 s rolling), where a
 * fixed-window limiter's boundary bursts (up to twice the limit) are answered with 429s.
 */
import type { RateLimit } from '@syncline/domain';

/**
 * Clock skew, event-loop stalls and network jitter bring paced requests closer together at the vendor than
 * we sent them (measured: up to ~30 ms per second of requests on a busy 2-core box); 4% absorbs 40 ms.
 */
const PACE_HEADROOM = 1.04;
/** How low repeated 429s can push the rate (share of the configured one). */
export const MIN_RATE_FACTOR = 0.05;
/** Share of the configured rate regained per request after a 429 halved it: ~100 requests to recover. */
export const RATE_RECOVERY_STEP = 0.01;

export function paceIntervalMs(limit: RateLimit, rateFactor = 1): number {
  return (limit.perMs / limit.requests / Math.max(rateFactor, MIN_RATE_FACTOR)) * PACE_HEADROOM;
}
