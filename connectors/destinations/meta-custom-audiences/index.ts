/** Public surface of the Meta Custom Audiences destination (the emulator is imported from './emulator' by tests only). */
export { metaCustomAudiencesDestination } from './meta-custom-audiences-destination';
export {
  metaCustomAudiencesDestinationSpec,
  type MetaCustomAudiencesDestinationConfig,
} from './meta-custom-audiences-destination.config';
