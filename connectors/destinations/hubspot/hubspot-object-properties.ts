/** The properties of an object type as a write needs them, memoized per account (see hubspot-cache). */
import type { DestinationHttp } from '../../kit/http/destination-http';
import { memoized } from './hubspot-cache';
import type { HubSpotDestinationConfig } from './hubspot-destination.config';
import { tokenScope } from './hubspot-http';
import { fetchObjectProperties, type ObjectProperties } from './hubspot-properties';

export function objectProperties(
  http: DestinationHttp,
  config: HubSpotDestinationConfig,
  objectType: string,
): Promise<ObjectProperties> {
  const key = `${tokenScope(config)}|${config.baseUrl}|properties|${objectType}`;
  return memoized(key, () => fetchObjectProperties(http, objectType));
}
