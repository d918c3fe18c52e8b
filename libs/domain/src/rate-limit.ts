/**
 * How fast a destination may be called, and the gate every request to it passes. The gate is shared by all
 * workers sending with the same credentials, so a limit or a 429 pause holds across processes.
 */

/** A destination's limit: at most `requests` per `perMs`, and at most `concurrency` requests in flight. */
export interface RateLimit {
  requests: number;
  perMs: number;
  concurrency: number;
}

export interface RequestGate {
  /**
   * Waits until a request may be sent (window budget, pause, concurrency slot); resolves with the function
   * that frees the concurrency slot once the answer has been read. Rejects only when `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** The destination asked to slow down (429 + Retry-After): nobody sends to it for `ms`. */
  pause(ms: number): Promise<void>;
}
