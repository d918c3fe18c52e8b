/**
 * The Slack destination connector: one `chat.postMessage` per row to the sync's channel (its destination
 * object, a channel id), with text rendered by the mapping's Liquid template.
 *
 * Slack has no idempotency key: a message posted is posted. A request retried after a timeout may post
 * twice, and so would a whole write retried by Temporal; writes are kept small (20 messages) to bound that,
 * and a transient failure after the first message of a write ends the write early instead of throwing
 * (see `write`), so an activity retry never re-posts what this write already posted.
 */
import { createHash } from 'node:crypto';
import type { DestinationConnector, RecordOutcome } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { callSlack, slackClient } from './slack-api';
import { memberChannels } from './slack-channels';
import {
  SLACK_SECRET_FIELDS,
  type SlackDestinationConfig,
  slackDestinationSpec,
} from './slack-destination.config';
import { isTokenError, messageFailure } from './slack-errors';
import { MESSAGE_FIELDS, messageBody, postsFor } from './slack-message';

function channelOf(object: string | undefined): string {
  if (object) return object;
  throw new SynclineError(
    ErrorCode.InvalidConfig,
    'A Slack sync needs a channel: set the sync destination object to a channel id (e.g. C0123456789)',
  );
}

export const slackDestination: DestinationConnector<SlackDestinationConfig> = {
  type: 'slack',
  spec: slackDestinationSpec,
  secretFields: SLACK_SECRET_FIELDS,
  // Each record is its own request: 20 bounds what one failed write can leave half-posted.
  defaultBatchSize: 20,
  // Slack "Rate limits": chat.postMessage is a special tier, "generally allows posting one message per
  // second per channel" with short bursts (https://docs.slack.dev/apis/web-api/rate-limits). The scope is
  // the token, so this is per workspace: stricter than per channel, never over it.
  defaultRateLimit: { requests: 1, perMs: 1000, concurrency: 1 },

  rateLimitScope(config) {
    return createHash('sha256').update(config.token).digest('hex').slice(0, 16);
  },

  /** `auth.test`: validates the token and names the workspace and bot it belongs to. */
  async check(config) {
    const host = new URL(config.baseUrl).host;
    try {
      const answer = await callSlack(slackClient(config), 'auth.test', { json: {} });
      if (!answer.ok)
        return {
          ok: false,
          message: isTokenError(answer)
            ? `Slack (${host}) refused the bot token (${answer.error}): reinstall the app or update the token`
            : `Slack (${host}) auth.test failed: ${answer.error}`,
        };
      const team = typeof answer.json.team === 'string' ? answer.json.team : 'unknown workspace';
      const user = typeof answer.json.user === 'string' ? answer.json.user : 'unknown bot';
      return { ok: true, message: `Slack (${host}): connected to workspace "${team}" as ${user}` };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  /** Channels the bot is a member of, by id (the destination object a sync names). */
  async objects(config) {
    const channels = await memberChannels(slackClient(config));
    return channels.map((c) => ({ name: c.id, modes: ['insert', 'upsert', 'mirror'] }));
  },

  async fields() {
    return MESSAGE_FIELDS.map((f) => ({ ...f }));
  },

  /**
   * One chat.postMessage per record that posts in this mode; the others are accepted untouched. A
   * transient failure on the first message throws (nothing was posted: Temporal retries the write); after
   * that, the rest of the write is rejected with the reason and stays pending for the next run.
   */
  async write(config, records, context) {
    const channel = channelOf(context.object);
    const http = slackClient(config, context);
    const outcomes: RecordOutcome[] = [];
    let posted = 0;
    for (const [i, record] of records.entries()) {
      if (!postsFor(record.op, context.mode)) {
        outcomes.push({ key: record.key, status: 'accepted' });
        continue;
      }
      const body = messageBody(config, channel, record);
      if (!body.ok) {
        outcomes.push({ key: record.key, status: 'rejected', reason: body.reason });
        continue;
      }
      let answer;
      try {
        answer = await callSlack(http, 'chat.postMessage', { json: body.body });
      } catch (err) {
        if (!(err instanceof SynclineError) || !err.transient || posted === 0) throw err;
        const reason = `Not posted, will be retried on the next run: ${err.message}`;
        for (const rest of records.slice(i)) outcomes.push({ key: rest.key, status: 'rejected', reason });
        return outcomes;
      }
      if (answer.ok) {
        posted += 1;
        outcomes.push({ key: record.key, status: 'accepted' });
      } else {
        outcomes.push({ key: record.key, status: 'rejected', reason: messageFailure(answer, channel) });
      }
    }
    return outcomes;
  },
};
