import { ErrorCode, SynclineError } from '@syncline/errors';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { toActivityFailure, withFailureMapping } from '../to-activity-failure';

const failure = (err: unknown) => toActivityFailure(err) as ApplicationFailure;

describe('toActivityFailure', () => {
  it('makes permanent codes non-retryable failures typed by the code, with their details', () => {
    const f = failure(
      new SynclineError(ErrorCode.InvalidMapping, 'no column "x"', { details: { column: 'x' } }),
    );
    expect([f.type, f.nonRetryable, f.message, f.details]).toEqual([
      'INVALID_MAPPING',
      true,
      'no column "x"',
      [{ column: 'x' }],
    ]);
  });

  it('retries retryable codes after the remote side asked delay', () => {
    const f = failure(new SynclineError(ErrorCode.RateLimited, 'slow down', { retryAfterMs: 30_000 }));
    expect([f.type, f.nonRetryable, f.nextRetryDelay]).toEqual(['RATE_LIMITED', false, 30_000]);
    expect(failure(new SynclineError(ErrorCode.TransactionConflict, 'deadlock')).nonRetryable).toBe(false);
  });

  it('makes unknown errors retryable INTERNAL failures and lets Temporal failures through', () => {
    const f = failure(new Error('connection terminated'));
    expect([f.type, f.nonRetryable, f.message]).toEqual(['INTERNAL', false, 'connection terminated']);
    const cancelled = new CancelledFailure('cancelled');
    expect(toActivityFailure(cancelled)).toBe(cancelled);
  });
});

describe('withFailureMapping', () => {
  it('hands retryable errors to the activity own retry policy and maps the rest', async () => {
    const retry = (err: SynclineError) =>
      ApplicationFailure.create({ type: err.code, message: 'backing off' });
    await expect(
      withFailureMapping(() => Promise.reject(new Error('socket hang up')), { retry }),
    ).rejects.toMatchObject({ type: 'INTERNAL', message: 'backing off' });
    await expect(
      withFailureMapping(() => Promise.reject(new SynclineError(ErrorCode.InvalidConfig, 'bad')), { retry }),
    ).rejects.toMatchObject({ type: 'INVALID_CONFIG', nonRetryable: true });
  });
});
