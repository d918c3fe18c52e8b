/** Public surface of the webhook destination. */
export { webhookDestination } from './webhook-destination';
export { webhookDestinationSpec, type WebhookDestinationConfig } from './webhook-destination.config';
export { signBody, verifySignature, batchIdempotencyKey } from './signing';
