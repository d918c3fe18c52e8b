/** The Meta Custom Audiences destination's config spec: system-user token, ad account, Graph API version. */
import { z } from 'zod';
import { getCountries, type CountryCode } from 'libphonenumber-js';

const COUNTRIES: ReadonlySet<string> = new Set(getCountries());

export const metaCustomAudiencesDestinationSpec = z.object({
  /** A system-user access token with ads_management on the ad account (Business Manager → System users). */
  accessToken: z.string().min(20, 'must be a Meta system-user access token'),
  adAccountId: z.string().regex(/^act_\d+$/, 'must be the ad account id as act_<digits>'),
  // The Marketing API's current version in its reference pages (Nov 2026): v25.0.
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must be a Graph API version such as v25.0')
    .default('v25.0'),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('https://graph.facebook.com'),
  /** ISO 3166-1 alpha-2 country for phone numbers written without a leading +, e.g. "US". */
  defaultCountryCode: z
    .string()
    .refine((c) => COUNTRIES.has(c), 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US')
    .transform((c) => c as CountryCode)
    .optional(),
});

export type MetaCustomAudiencesDestinationConfig = z.infer<typeof metaCustomAudiencesDestinationSpec>;

export const META_SECRET_FIELDS: readonly string[] = ['accessToken'];
