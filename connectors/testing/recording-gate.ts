/**
 * A RequestGate for the contract suite: counts what passes and honours pauses in-process, so the suite can
 * check that a connector sends every request through the gate and reports the Retry-After it was given.
 */
import type { RequestGate } from '@syncline/domain';
import { localGate } from '@syncline/rate-limit';

export interface RecordingGate extends RequestGate {
  readonly acquired: number;
  readonly pauses: number[];
}

export function recordingGate(): RecordingGate {
  const inner = localGate();
  const pauses: number[] = [];
  let acquired = 0;
  return {
    get acquired() {
      return acquired;
    },
    pauses,
    async acquire(signal) {
      const release = await inner.acquire(signal);
      acquired += 1;
      return release;
    },
    pause(ms) {
      pauses.push(ms);
      return inner.pause(ms);
    },
  };
}
