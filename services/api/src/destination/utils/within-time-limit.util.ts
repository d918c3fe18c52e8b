/**
 * Bounds a connector call made while serving a request: connectors take no signal for discovery, so the
 * API stops waiting (DESTINATION_UNAVAILABLE) and lets the call finish in the background.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';

export async function withinTimeLimit<T>(work: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SynclineError(
            ErrorCode.DestinationUnavailable,
            `${what} did not answer within ${Math.round(limitMs / 1000)} s`,
          ),
        ),
      limitMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
