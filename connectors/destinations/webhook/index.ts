/** Public surface of the webhook destination (the emulator is imported from './emulator' by tests only). */
export { webhookDestination } from './webhook-destination';
export { webhookDestinationSpec, type WebhookDestinationConfig } from './webhook-destination.config';
export { signBody, verifySignature, batchIdempotencyKey } from './signing';
