/**
 * A gate for one process and no limit: it only holds requests back while the destination asked to pause,
 * so a connector called without the shared gate (checks, tests) still waits out a 429's Retry-After.
 */
import type { RequestGate } from '@syncline/domain';
import { sleep } from './sleep';

export function localGate(): RequestGate {
  let pausedUntil = 0;
  return {
    async acquire(signal) {
      const wait = pausedUntil - Date.now();
      if (wait > 0) await sleep(wait, signal);
      return () => undefined;
    },
    async pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
  };
}
