/**
 * The webhook wire format's security pieces: the HMAC signature over the exact body bytes and the
 * request-level idempotency key. Shared by the connector (sending) and the emulator (verifying).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Syncline-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** `sha256=<hex HMAC-SHA256 of body with secret>`; sign the very bytes that are sent. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of a signature header against the body, so timing reveals nothing about the secret. */
export function verifySignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Same records, same key: a replayed batch (retried activity) is recognisable by the receiver. */
export function batchIdempotencyKey(recordKeys: readonly string[]): string {
  return createHash('sha256').update(recordKeys.join(',')).digest('hex');
}
