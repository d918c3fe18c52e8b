import { describeDestinationContract } from '../../../testing/destination-contract';
import { startWebhookEmulator } from '../../../testing/emulators/webhook/emulator';
import { webhookDestination } from '../webhook-destination';
import type { WebhookDestinationConfig } from '../webhook-destination.config';

describeDestinationContract('webhook (upsert)', async () => {
  const secret = 'whsec_contract_0123456789';
  const emulator = await startWebhookEmulator({ secret });
  const config: WebhookDestinationConfig = { url: emulator.url, secret, batchSize: 100, timeoutMs: 5000 };
  const wrongSecret = 'whsec_wrong_9876543210';
  const token = 'Bearer leaked-token-if-shown';
  return {
    connector: webhookDestination,
    config,
    context: { mode: 'upsert' },
    // The receiver decides what a removal means, so it gets them in every mode (the fixture applies them).
    removes: true,
    // The receiver's view: replay what it recorded, in order.
    readBack: async () => {
      const state = new Map<string, Record<string, unknown>>();
      for (const r of emulator.records()) {
        if (r.op === 'removed') state.delete(r.key);
        else state.set(r.key, r.fields);
      }
      return state;
    },
    invalidRecord: (() => {
      emulator.refuseKeys(['bad']);
      return { key: 'bad', op: 'added', fields: { name: 'bad' }, idempotencyKey: 'bad:added' } as const;
    })(),
    http: {
      throttleNext: (seconds) => emulator.failNext(1, 429, { retryAfterSeconds: seconds }),
      failNext: (status) => emulator.failNext(1, status),
      requestCount: () => emulator.received.length,
    },
    invalidConfig: { url: 'not a url', secret: wrongSecret, headers: { Authorization: token } },
    wrongSecrets: {
      config: { ...config, secret: wrongSecret, headers: { Authorization: token } },
      secrets: [wrongSecret, token],
    },
    teardown: () => emulator.close(),
  };
});
