import { createHash, createHmac } from 'node:crypto';
import { batchIdempotencyKey, signBody, verifySignature } from '../signing';

const secret = 'whsec_0123456789abcdef';

describe('webhook signing', () => {
  it('signs the exact body bytes with HMAC-SHA256', () => {
    const body = '{"batch":[{"key":"é"}]}';
    const expected = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signBody(secret, body)).toBe(`sha256=${expected}`);
  });

  it('verifies a matching signature and refuses a wrong, missing or truncated one', () => {
    const body = Buffer.from('{"batch":[]}');
    const good = signBody(secret, body);
    expect(verifySignature(secret, body, good)).toBe(true);
    expect(verifySignature(secret, Buffer.from('{"batch":[] }'), good)).toBe(false);
    expect(verifySignature('another-secret-0123', body, good)).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(secret, body, good.slice(0, -1))).toBe(false);
  });

  it('derives the request key from the records idempotency keys in order', () => {
    expect(batchIdempotencyKey(['a', 'b'])).toBe(createHash('sha256').update('a,b').digest('hex'));
    expect(batchIdempotencyKey(['b', 'a'])).not.toBe(batchIdempotencyKey(['a', 'b']));
  });
});
