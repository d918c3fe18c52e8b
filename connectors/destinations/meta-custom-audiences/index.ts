/** Public surface of the Meta Custom Audiences destination. */
export { metaCustomAudiencesDestination } from './meta-custom-audiences-destination';
export {
  metaCustomAudiencesDestinationSpec,
  type MetaCustomAudiencesDestinationConfig,
} from './meta-custom-audiences-destination.config';
