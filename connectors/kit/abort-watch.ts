/**
 * Turns an AbortSignal into something a query loop can race against, so a cancelled sync run stops waiting
 * at once even when the server is slow to notice the cancellation.
 *
 * Not `Promise.race([work, aborted])`: every race would leave a reaction on the long-lived `aborted`
 * promise holding the settled work — each batch of rows a stream ever read — until the signal fires.
 */
export interface AbortWatch {
  /** Whether the signal fired while the watch was active (or before it started). */
  readonly fired: boolean;
  /** Settles like `work`, unless the signal fires first: then rejects with the signal's reason. */
  race<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

export function watchAbort(signal: AbortSignal | undefined, onAbort: () => void): AbortWatch {
  let fired = false;
  const waiting = new Set<(reason: unknown) => void>();

  const fire = (): void => {
    if (fired) return;
    fired = true;
    for (const reject of waiting) reject(signal?.reason);
    waiting.clear();
    onAbort();
  };
  if (signal?.aborted) fire();
  else signal?.addEventListener('abort', fire, { once: true });

  return {
    get fired() {
      return fired;
    },
    race<T>(work: Promise<T>): Promise<T> {
      // The losing promise still settles later (e.g. when the connection is closed): keep that quiet.
      work.catch(() => undefined);
      if (fired) return Promise.reject(signal?.reason);
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject);
        work.then(
          (value) => {
            waiting.delete(reject);
            resolve(value);
          },
          (err: unknown) => {
            waiting.delete(reject);
            reject(err);
          },
        );
      });
    },
    dispose() {
      signal?.removeEventListener('abort', fire);
      waiting.clear();
    },
  };
}
