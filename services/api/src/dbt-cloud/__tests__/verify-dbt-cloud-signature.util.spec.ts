import { signDbtCloudPayload, verifyDbtCloudSignature } from '../utils/verify-dbt-cloud-signature.util';

describe('verifyDbtCloudSignature', () => {
  const body = Buffer.from('{"eventId":"e1","eventType":"job.run.completed"}');

  it('accepts the hex HMAC-SHA256 of the raw body', () => {
    expect(verifyDbtCloudSignature('s3cret', body, signDbtCloudPayload('s3cret', body))).toBe(true);
  });

  it('refuses another secret, another body, a truncated or missing signature', () => {
    const sig = signDbtCloudPayload('s3cret', body);
    expect(verifyDbtCloudSignature('other', body, sig)).toBe(false);
    expect(verifyDbtCloudSignature('s3cret', Buffer.from(`${body.toString()} `), sig)).toBe(false);
    expect(verifyDbtCloudSignature('s3cret', body, sig.slice(0, 10))).toBe(false);
    expect(verifyDbtCloudSignature('s3cret', body, undefined)).toBe(false);
  });
});
