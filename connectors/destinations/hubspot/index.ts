/** Public surface of the HubSpot destination (the emulator is imported from './emulator' by tests only). */
export { hubspotDestination } from './hubspot-destination';
export { hubspotDestinationSpec, type HubSpotDestinationConfig } from './hubspot-destination.config';
export type { HubSpotField } from './hubspot-discovery';
