/** Public surface of the Slack destination. */
export { slackDestination } from './slack-destination';
export { slackDestinationSpec, type SlackDestinationConfig } from './slack-destination.config';
