/**
 * Turns an AbortSignal into something a query loop can race against, so a cancelled sync run stops waiting
 * at once even when the server is slow to notice the cancellation.
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
  let rejectAborted: (reason: unknown) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    rejectAborted = reject;
  });
  // Nobody may be racing when the signal fires; the rejection is observed through `race` later.
  aborted.catch(() => undefined);

  const fire = (): void => {
    if (fired) return;
    fired = true;
    rejectAborted(signal?.reason);
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
      return Promise.race([work, aborted]);
    },
    dispose() {
      signal?.removeEventListener('abort', fire);
    },
  };
}
