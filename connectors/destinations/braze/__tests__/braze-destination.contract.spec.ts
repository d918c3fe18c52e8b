import { describeDestinationContract } from '../../../testing/destination-contract';
import { brazeDestination } from '../braze-destination';
import type { BrazeDestinationConfig } from '../braze-destination.config';
import { startBrazeEmulator } from '../../../testing/emulators/braze/emulator';

describeDestinationContract('braze users (upsert)', async () => {
  const apiKey = 'braze-contract-key-0123456789';
  const braze = await startBrazeEmulator({ apiKey });
  const config: BrazeDestinationConfig = { apiKey, restEndpoint: braze.url };
  const wrongKey = 'braze-wrong-key-9876543210';
  return {
    connector: brazeDestination,
    config,
    context: { mode: 'upsert', object: 'users', keyField: 'external_id' },
    // Braze user profiles are never deleted by a sync.
    removes: false,
    fieldsFor: (key, version) => ({ external_id: key, first_name: `${key} v${version}` }),
    // Braze's own view: the profiles it holds, by external_id, with the attributes set on them.
    readBack: async () =>
      new Map(braze.users().map((u) => [String(u.attributes.external_id), { ...u.attributes }])),
    // Passes our coercion (email is a string) but Braze refuses the address.
    invalidRecord: {
      key: 'bad',
      op: 'added',
      fields: { external_id: 'bad', email: 'not-an-email' },
      idempotencyKey: 'bad:added',
    },
    http: {
      throttleNext: (seconds) => braze.throttleNext(1, seconds),
      failNext: (status) => braze.failNext(1, status),
      requestCount: () => braze.received.length,
    },
    invalidConfig: { apiKey: wrongKey, restEndpoint: 'rest.iad-01.braze.com' },
    wrongSecrets: { config: { ...config, apiKey: wrongKey }, secrets: [wrongKey] },
    teardown: () => braze.close(),
  };
});
