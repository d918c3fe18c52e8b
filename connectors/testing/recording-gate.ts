/**
 * A RequestGate for the contract suite: counts what passes and honours pauses in-process, so the suite can
 * check that a connector sends every request through the gate and reports the Retry-After it was given.
 */
import type { RequestGate } from '@syncline/domain';

export interface RecordingGate extends RequestGate {
  readonly acquired: number;
  readonly pauses: number[];
}

export function recordingGate(): RecordingGate {
  let pausedUntil = 0;
  const state = { acquired: 0, pauses: [] as number[] };
  return {
    get acquired() {
      return state.acquired;
    },
    get pauses() {
      return state.pauses;
    },
    async acquire() {
      const wait = pausedUntil - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      state.acquired += 1;
      return () => undefined;
    },
    async pause(ms) {
      state.pauses.push(ms);
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
  };
}
