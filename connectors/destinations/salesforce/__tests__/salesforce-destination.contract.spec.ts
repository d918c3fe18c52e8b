import { describeDestinationContract } from '../../../testing/destination-contract';
import { startSalesforceEmulator } from '../../../testing/emulators/salesforce/emulator';
import { salesforceDestination } from '../salesforce-destination';
import { salesforceDestinationSpec } from '../salesforce-destination.config';

describeDestinationContract('salesforce (mirror, sObject Collections)', async () => {
  const emulator = await startSalesforceEmulator();
  const config = salesforceDestinationSpec.parse({
    instanceUrl: emulator.url,
    accessToken: emulator.accessToken,
    timeoutMs: 5000,
  });
  const wrongToken = '00D000000000001!wrong-token-never-shown';
  return {
    connector: salesforceDestination,
    config,
    context: { mode: 'mirror', object: 'Contact', keyField: 'External_Id__c' },
    removes: true,
    fieldsFor: (key, version) => ({ LastName: `${key} v${version}` }),
    readBack: async () =>
      new Map(emulator.records('Contact').map((r) => [String(r.External_Id__c), { LastName: r.LastName }])),
    // Salesforce refuses it per record: INVALID_EMAIL_ADDRESS.
    invalidRecord: {
      key: 'bad',
      op: 'added',
      fields: { LastName: 'Bad', Email: 'not-an-email' },
      idempotencyKey: 'bad:added',
    },
    http: {
      throttleNext: (seconds) => emulator.throttleNext(1, seconds),
      failNext: (status) => emulator.failNext(1, status),
      requestCount: () => emulator.received.length,
    },
    invalidConfig: { instanceUrl: 'not a url', accessToken: wrongToken },
    wrongSecrets: { config: { ...config, accessToken: wrongToken }, secrets: [wrongToken] },
    teardown: () => emulator.close(),
  };
});
