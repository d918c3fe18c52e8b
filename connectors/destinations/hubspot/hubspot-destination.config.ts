/** The HubSpot destination's config spec: a private-app access token and, for tests, the API base URL. */
import { z } from 'zod';

export const HUBSPOT_API_URL = 'https://api.hubapi.com';

export const hubspotDestinationSpec = z.object({
  /** Private-app access token (`pat-…`), sent as `Authorization: Bearer`. */
  accessToken: z
    .string()
    .min(1, 'is required (a HubSpot private-app access token)')
    .regex(/^[^\s]+$/, 'must not contain whitespace'),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .default(HUBSPOT_API_URL),
  timeoutMs: z.number().int().min(1).max(300_000).default(30_000),
});

export type HubSpotDestinationConfig = z.infer<typeof hubspotDestinationSpec>;

export const HUBSPOT_SECRET_FIELDS: readonly string[] = ['accessToken'];
