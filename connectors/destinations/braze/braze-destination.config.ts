/** The Braze destination's config spec: the workspace's REST API key, its REST endpoint and an optional app id. */
import { z } from 'zod';

export const brazeDestinationSpec = z.object({
  // Sent as `Authorization: Bearer …`; needs the users.track permission.
  apiKey: z.string().trim().min(1, 'is required (a REST API key with the users.track permission)'),
  // Braze runs many instances (rest.iad-01.braze.com, rest.fra-02.braze.eu …): no default can be right.
  restEndpoint: z.url({
    protocol: /^https?$/,
    error: 'must be your Braze instance REST endpoint, e.g. https://rest.iad-01.braze.com',
  }),
  /** Attached to events as `app_id` unless the mapping sets one. */
  appId: z.string().trim().min(1).optional(),
});

export type BrazeDestinationConfig = z.infer<typeof brazeDestinationSpec>;

export const BRAZE_SECRET_FIELDS: readonly string[] = ['apiKey'];
