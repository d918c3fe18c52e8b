import { ErrorCode, type SynclineError } from '@syncline/errors';
import { batchVerdict } from '../webhook-response';

type Answer = Parameters<typeof batchVerdict>[0];
const answer = (status: number, text = ''): Answer => ({ status, text });

function thrown(a: Answer): SynclineError {
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
