import { createHash } from 'node:crypto';
import { describeDestinationContract } from '../../../testing/destination-contract';
import { startMetaCustomAudiencesEmulator } from '../../../testing/emulators/meta-custom-audiences/emulator';
import { metaCustomAudiencesDestination } from '../meta-custom-audiences-destination';
import type { MetaCustomAudiencesDestinationConfig } from '../meta-custom-audiences-destination.config';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const AUDIENCE = '23850000000000001';
const VERSIONS = [1, 2, 3];

describeDestinationContract('meta custom audiences (mirror)', async () => {
  const accessToken = 'EAAG-contract-system-user-token-0123456789';
  const emulator = await startMetaCustomAudiencesEmulator({
    accessToken,
    adAccountId: 'act_1001',
    audiences: [{ id: AUDIENCE, name: 'Customers' }],
  });
  const config: MetaCustomAudiencesDestinationConfig = {
    accessToken,
    adAccountId: 'act_1001',
    apiVersion: 'v25.0',
    baseUrl: emulator.url,
    defaultCountryCode: 'US',
  };
  const wrongToken = 'EAAG-wrong-token-that-must-not-leak-987';
  // Meta holds hashes only: the fixture remembers which model key each EXTERN_ID hash stands for.
  const keysByExternId = new Map<string, string>();
  const fieldsFor = (key: string, version: number) => {
    keysByExternId.set(sha256(key), key);
    return { EMAIL: `${key}.v${version}@example.com`, EXTERN_ID: key };
  };
  return {
    connector: metaCustomAudiencesDestination,
    config,
    context: { mode: 'mirror', object: AUDIENCE, runId: 'run-contract' },
    removes: true,
    fieldsFor,
    // A member reads back as the mapped fields whose normalised hashes it holds; anything else as stored.
    readBack: async () => {
      const state = new Map<string, Record<string, unknown>>();
      for (const member of emulator.members(AUDIENCE)) {
        const key = keysByExternId.get(member.EXTERN_ID ?? '') ?? String(member.EXTERN_ID);
        const version = VERSIONS.find((v) => sha256(`${key}.v${v}@example.com`) === member.EMAIL);
        state.set(key, version === undefined ? { ...member } : fieldsFor(key, version));
      }
      return state;
    },
    invalidRecord: (() => {
      emulator.refuseExternIds([sha256('bad')]);
      return { key: 'bad', op: 'added', fields: fieldsFor('bad', 1), idempotencyKey: 'bad:added' } as const;
    })(),
    http: {
      throttleNext: (seconds) => emulator.throttleNext(1, seconds),
      failNext: (status) => emulator.failNext(1, status),
      requestCount: () => emulator.received.length,
    },
    invalidConfig: { accessToken: wrongToken, adAccountId: '1001', baseUrl: 'not a url' },
    wrongSecrets: { config: { ...config, accessToken: wrongToken }, secrets: [wrongToken] },
    teardown: () => emulator.close(),
  };
});
