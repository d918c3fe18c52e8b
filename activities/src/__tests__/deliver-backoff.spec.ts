import { ErrorCode, SynclineError } from '@syncline/errors';
import { MAX_STALLED_ATTEMPTS, retryDelayMs, stalledAttempts, transientFailure } from '../deliver-backoff';

describe('deliver backoff', () => {
  it('counts attempts in a row that recorded nothing, and forgets them after progress', () => {
    expect(stalledAttempts(undefined, 0)).toBe(0);
    expect(stalledAttempts({ cursor: 500, stalled: 0 }, 500)).toBe(1);
    expect(stalledAttempts({ cursor: 500, stalled: 3 }, 500)).toBe(4);
    expect(stalledAttempts({ cursor: 500, stalled: 3 }, 1000)).toBe(0);
  });

  it('doubles the delay per fruitless attempt, from 1 s up to a minute', () => {
    expect([0, 1, 2, 5, 6, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 32000, 60000, 60000]);
  });

  it("retries after the destination's Retry-After when it gave one", () => {
    const limited = new SynclineError(ErrorCode.RateLimited, 'slow down', { retryAfterMs: 7000 });
    expect(transientFailure(limited, 0)).toMatchObject({ nextRetryDelay: 7000, nonRetryable: false });
    const down = new SynclineError(ErrorCode.DestinationUnavailable, 'HTTP 503');
    expect(transientFailure(down, 2)).toMatchObject({
      nextRetryDelay: 4000,
      type: 'DESTINATION_UNAVAILABLE',
    });
  });

  it('gives up, saying why, after too many attempts without progress', () => {
    const down = new SynclineError(ErrorCode.DestinationUnavailable, 'HTTP 503', {
      details: { status: 503 },
    });
    const failure = transientFailure(down, MAX_STALLED_ATTEMPTS - 1);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toBe(
      `Delivery made no progress in ${MAX_STALLED_ATTEMPTS} attempts in a row; last error: HTTP 503`,
    );
    expect(failure.details).toEqual([{ status: 503 }]);
  });
});
