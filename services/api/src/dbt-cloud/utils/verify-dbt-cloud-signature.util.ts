/**
 * dbt Cloud signs each webhook delivery: the Authorization header is the hex HMAC-SHA256 of the raw
 * request body, keyed by the webhook's secret. Compared in constant time over the raw bytes (a re-serialised
 * JSON body would not match).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signDbtCloudPayload(secret: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export function verifyDbtCloudSignature(
  secret: string,
  rawBody: Buffer,
  authorization: string | undefined,
): boolean {
  if (!authorization) return false;
  const expected = Buffer.from(signDbtCloudPayload(secret, rawBody), 'utf8');
  const given = Buffer.from(authorization.trim().toLowerCase(), 'utf8');
  // timingSafeEqual needs equal lengths; a different length is a mismatch that reveals nothing secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
