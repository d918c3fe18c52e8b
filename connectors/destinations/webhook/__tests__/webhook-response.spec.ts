import { ErrorCode, type SynclineError } from '@syncline/errors';
import { batchVerdict, type WebhookAnswer } from '../webhook-response';

const answer = (status: number, body = '', retryAfter: string | null = null): WebhookAnswer => ({
  status,
  body,
  retryAfter,
});

function thrown(a: WebhookAnswer): SynclineError {
  try {
    batchVerdict(a, 'hooks.example.com');
  } catch (err) {
    return err as SynclineError;
  }
  throw new Error('expected batchVerdict to throw');
}

describe('batchVerdict', () => {
  it('accepts 2xx', () => {
    expect(batchVerdict(answer(200), 'h')).toEqual({ accepted: true });
    expect(batchVerdict(answer(204), 'h')).toEqual({ accepted: true });
  });

  it('turns 429 into RateLimited with the Retry-After delay', () => {
    const err = thrown(answer(429, '', '7'));
    expect(err.code).toBe(ErrorCode.RateLimited);
    expect(err.retryAfterMs).toBe(7000);
    expect(thrown(answer(429)).retryAfterMs).toBe(1000);
  });

  it('turns 5xx and 408 into DestinationUnavailable (retry)', () => {
    expect(thrown(answer(503)).code).toBe(ErrorCode.DestinationUnavailable);
    expect(thrown(answer(408)).code).toBe(ErrorCode.DestinationUnavailable);
  });

  it('turns 401/403 and redirects into DestinationConnectionFailed (fix the config)', () => {
    expect(thrown(answer(401)).code).toBe(ErrorCode.DestinationConnectionFailed);
    expect(thrown(answer(403)).message).toContain('refused the signature/credentials');
    expect(thrown(answer(302)).code).toBe(ErrorCode.DestinationConnectionFailed);
  });

  it('rejects the batch for other 4xx with the status and the start of the body', () => {
    const verdict = batchVerdict(answer(422, 'x'.repeat(500)), 'h');
    expect(verdict).toEqual({ accepted: false, reason: `HTTP 422: ${'x'.repeat(200)}` });
  });
});
