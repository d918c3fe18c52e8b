/**
 * The Salesforce destination's config spec: the org's instance URL and API version, OAuth credentials (an
 * access token, or a connected app's refresh-token flow), and how records are sent (sObject Collections,
 * Bulk API 2.0, or chosen per write by size).
 */
import { z } from 'zod';

// Summer '26 is API 67.0; we default one release back so orgs still on the previous release accept it.
export const DEFAULT_API_VERSION = 'v66.0';

const url = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

const common = {
  /** The org's My Domain URL, e.g. https://acme.my.salesforce.com (tests point it at the emulator). */
  instanceUrl: url,
  apiVersion: z
    .string()
    .regex(/^v\d{2,3}\.0$/, 'must look like v66.0')
    .default(DEFAULT_API_VERSION),
  /**
   * collections: sObject Collections, 200 records per request (default). bulk: every write is a Bulk API 2.0
   * job of up to `bulkBatchSize` records. auto: writes of more than `bulkThreshold` records use Bulk API 2.0,
   * smaller ones (the last batch of a run) use Collections.
   */
  mode: z.enum(['collections', 'bulk', 'auto']).default('collections'),
  bulkBatchSize: z.number().int().min(1).max(150_000_000).default(10_000),
  // Salesforce's own guidance: Bulk API pays off from a few thousand records; below it costs more round trips.
  bulkThreshold: z.number().int().min(1).default(2_000),
  /** How often a Bulk API 2.0 job's state is polled. */
  bulkPollIntervalMs: z.number().int().min(1).max(300_000).default(5_000),
  /** How long to hold off after REQUEST_LIMIT_EXCEEDED (Salesforce sends no Retry-After). */
  requestLimitBackoffMs: z.number().int().min(0).max(3_600_000).default(60_000),
  timeoutMs: z.number().int().min(1).max(600_000).default(60_000),
};

const accessTokenAuth = z.object({ ...common, accessToken: z.string().min(1) }).strict();

const refreshTokenAuth = z
  .object({
    ...common,
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    refreshToken: z.string().min(1),
    loginUrl: url.default('https://login.salesforce.com'),
  })
  .strict();

export const salesforceDestinationSpec = z.union([accessTokenAuth, refreshTokenAuth], {
  error: 'give either accessToken, or clientId + clientSecret + refreshToken',
});

export type SalesforceDestinationConfig = z.infer<typeof salesforceDestinationSpec>;
export type SalesforceRefreshConfig = z.infer<typeof refreshTokenAuth>;

export const SALESFORCE_SECRET_FIELDS: readonly string[] = ['accessToken', 'clientSecret', 'refreshToken'];

export const usesRefreshToken = (config: SalesforceDestinationConfig): config is SalesforceRefreshConfig =>
  'refreshToken' in config;
