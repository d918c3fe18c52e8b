/** Public surface of the HubSpot destination. */
export { hubspotDestination } from './hubspot-destination';
export { hubspotDestinationSpec, type HubSpotDestinationConfig } from './hubspot-destination.config';
export type { HubSpotField } from './hubspot-discovery';
