/** Public surface of the Braze destination. */
export { brazeDestination, BRAZE_MAX_OBJECTS } from './braze-destination';
export { brazeDestinationSpec, type BrazeDestinationConfig } from './braze-destination.config';
