/** Public surface of the Salesforce destination (the emulator is imported from './emulator' by tests only). */
export { salesforceDestination } from './salesforce-destination';
export { salesforceDestinationSpec, type SalesforceDestinationConfig } from './salesforce-destination.config';
