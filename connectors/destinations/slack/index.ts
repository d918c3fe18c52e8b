/** Public surface of the Slack destination (the emulator is imported from './emulator' by tests only). */
export { slackDestination } from './slack-destination';
export { slackDestinationSpec, type SlackDestinationConfig } from './slack-destination.config';
