/** Public surface of the Salesforce destination. */
export { salesforceDestination } from './salesforce-destination';
export { salesforceDestinationSpec, type SalesforceDestinationConfig } from './salesforce-destination.config';
