/** The webhook destination's config spec: where to POST, the HMAC signing secret, extra headers and limits. */
import { z } from 'zod';

// RFC 9110 token characters; values must not smuggle a second header line.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;
// Headers Syncline computes per request: a configured value would break signing or de-duplication.
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'x-syncline-signature',
  'idempotency-key',
]);

export const webhookDestinationSpec = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  secret: z.string().min(16, 'must be at least 16 characters (it is the HMAC signing key)'),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, 'is not a valid header name'),
      z.string().regex(HEADER_VALUE, 'must be one line'),
    )
    .refine((h) => Object.keys(h).every((name) => !RESERVED_HEADERS.has(name.toLowerCase())), {
      message: `must not set ${[...RESERVED_HEADERS].join(', ')} (Syncline sets them)`,
    })
    .optional(),
  batchSize: z.number().int().min(1).max(1000).default(100),
  timeoutMs: z.number().int().min(1).max(300_000).default(30_000),
});

export type WebhookDestinationConfig = z.infer<typeof webhookDestinationSpec>;

// Custom headers usually carry the receiver's API token.
export const WEBHOOK_SECRET_FIELDS: readonly string[] = ['secret', 'headers'];
