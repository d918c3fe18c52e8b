import type { DestinationRecord, SyncMode } from '@syncline/domain';
import { describeDestinationContract } from '../../../testing/destination-contract';
import { startSlackEmulator } from '../../../testing/emulators/slack/emulator';
import { ROW_EVENT_TYPE } from '../slack-message';
import { slackDestination } from '../slack-destination';

const CHANNEL = 'C0CONTRACT';

/**
 * Slack messages are never updated or deleted: the fixture reads the channel as a log and derives each
 * row's current state from the row metadata of its latest message (a removal message ends the row). The
 * duplicate messages a repeated write posts are real; slack-destination.spec.ts asserts them.
 */
for (const mode of ['mirror', 'upsert'] as SyncMode[]) {
  describeDestinationContract(`slack (${mode})`, async () => {
    const token = 'xoxb-contract-0123456789';
    const slack = await startSlackEmulator({
      token,
      channels: [{ id: CHANNEL, name: 'syncline', member: true }],
    });
    const config = slackDestination.spec.parse({ token, baseUrl: slack.url });
    const wrongToken = 'xoxb-wrong-9876543210';
    const invalidRecord: DestinationRecord = {
      key: 'bad',
      op: 'added',
      fields: { text: 'x'.repeat(40_001) },
      idempotencyKey: 'bad:added',
    };
    return {
      connector: slackDestination,
      config,
      context: { mode, object: CHANNEL },
      // Only mirror posts a message for a removed row (config `removedTemplate`).
      removes: mode === 'mirror',
      fieldsFor: (key, version) => ({ text: `${key} v${version}` }),
      readBack: async () => {
        const state = new Map<string, Record<string, unknown>>();
        for (const message of slack.messages(CHANNEL)) {
          if (message.metadata?.event_type !== ROW_EVENT_TYPE) continue;
          const { key, op } = message.metadata.event_payload as { key: string; op: string };
          if (op === 'removed') state.delete(key);
          else state.set(key, { text: message.text });
        }
        return state;
      },
      invalidRecord,
      http: {
        throttleNext: (seconds) => slack.throttleNext(1, seconds),
        failNext: (status) => slack.failNext(1, status),
        requestCount: () => slack.received.length,
      },
      invalidConfig: { token: `not-a-bot-token-${wrongToken}` },
      wrongSecrets: { config: { ...config, token: wrongToken }, secrets: [wrongToken] },
      teardown: () => slack.close(),
    };
  });
}
