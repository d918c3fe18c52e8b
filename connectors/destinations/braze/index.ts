/** Public surface of the Braze destination (the emulator is imported from './emulator' by tests only). */
export { brazeDestination, BRAZE_MAX_OBJECTS } from './braze-destination';
export { brazeDestinationSpec, type BrazeDestinationConfig } from './braze-destination.config';
