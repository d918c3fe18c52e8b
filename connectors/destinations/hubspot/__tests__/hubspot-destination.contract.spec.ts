import { describeDestinationContract } from '../../../testing/destination-contract';
import { startHubSpotEmulator } from '../../../testing/emulators/hubspot/emulator';
import { hubspotDestination } from '../hubspot-destination';
import type { HubSpotDestinationConfig } from '../hubspot-destination.config';

// Contacts matched by a custom unique property, so that a removal (which carries only the model's key)
// finds the record the way a real mirror sync does.
describeDestinationContract('hubspot contacts (mirror)', async () => {
  const accessToken = 'pat-na1-contract-0123456789';
  const emulator = await startHubSpotEmulator({ accessToken });
  emulator.addProperty('contacts', { name: 'external_id', type: 'string', hasUniqueValue: true });
  const config: HubSpotDestinationConfig = { accessToken, baseUrl: emulator.baseUrl, timeoutMs: 5000 };
  const wrongToken = 'pat-na1-wrong-9876543210';
  return {
    connector: hubspotDestination,
    config,
    context: { mode: 'mirror', object: 'contacts', keyField: 'external_id' },
    removes: true,
    fieldsFor: (key, version) => ({ external_id: key, firstname: `${key} v${version}` }),
    readBack: async () =>
      new Map(
        emulator
          .records('contacts')
          .map((r) => [
            r.properties.external_id!,
            { external_id: r.properties.external_id, firstname: r.properties.firstname },
          ]),
      ),
    // HubSpot validates contact emails itself: this one is refused in its 207 answer, for this input only.
    invalidRecord: {
      key: 'bad',
      op: 'added',
      fields: { external_id: 'bad', firstname: 'Bad', email: 'not-an-email' },
      idempotencyKey: 'bad:added',
    },
    http: {
      throttleNext: (seconds) => emulator.throttleNext(1, seconds),
      failNext: (status) => emulator.failNext(1, status),
      requestCount: () => emulator.received.length,
    },
    invalidConfig: { accessToken: wrongToken, baseUrl: 'not a url' },
    wrongSecrets: { config: { ...config, accessToken: wrongToken }, secrets: [wrongToken] },
    teardown: () => emulator.close(),
  };
});

// An audience sync into a static list: members are contacts that already exist in HubSpot.
describeDestinationContract('hubspot list membership (mirror)', async () => {
  const accessToken = 'pat-na1-lists-0123456789';
  const emulator = await startHubSpotEmulator({ accessToken });
  emulator.addProperty('contacts', { name: 'external_id', type: 'string', hasUniqueValue: true });
  for (const key of ['k1', 'k2', 'k3', 'good1', 'good2'])
    emulator.seed('contacts', { external_id: key, email: `${key}@example.com` });
  const listId = emulator.createList({ name: 'Churn risk', processingType: 'MANUAL' });
  const config: HubSpotDestinationConfig = { accessToken, baseUrl: emulator.baseUrl, timeoutMs: 5000 };
  const wrongToken = 'pat-na1-wrong-lists-000';
  return {
    connector: hubspotDestination,
    config,
    context: { mode: 'mirror', object: `list:${listId}`, keyField: 'external_id' },
    removes: true,
    fieldsFor: (key) => ({ external_id: key }),
    readBack: async () => {
      const members = new Set(emulator.listMembers(listId));
      const contacts = emulator.records('contacts').filter((r) => members.has(r.id));
      return new Map(
        contacts.map((r) => [r.properties.external_id!, { external_id: r.properties.external_id }]),
      );
    },
    // No such contact in HubSpot: a list cannot hold it.
    invalidRecord: { key: 'bad', op: 'added', fields: { external_id: 'bad' }, idempotencyKey: 'bad:added' },
    http: {
      throttleNext: (seconds) => emulator.throttleNext(1, seconds),
      failNext: (status) => emulator.failNext(1, status),
      requestCount: () => emulator.received.length,
    },
    invalidConfig: { accessToken: wrongToken, timeoutMs: -1 },
    wrongSecrets: { config: { ...config, accessToken: wrongToken }, secrets: [wrongToken] },
    teardown: () => emulator.close(),
  };
});
