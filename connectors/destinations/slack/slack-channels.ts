/**
 * Discovery: the channels the bot can post to, read with `conversations.list` (cursor-paginated) and kept
 * when the bot is a member and the channel is not archived.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { DestinationHttp } from '../../kit/http/destination-http';
import { callSlack } from './slack-api';
import { isTokenError, tokenRejected } from './slack-errors';

export interface SlackChannel {
  id: string;
  name: string;
}

// conversations.list is Tier 2 (20+ per minute): a workspace with more than 10,000 channels is cut short.
const MAX_PAGES = 50;

export async function memberChannels(http: DestinationHttp): Promise<SlackChannel[]> {
  const channels: SlackChannel[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await callSlack(http, 'conversations.list', {
      query: { types: 'public_channel,private_channel', exclude_archived: true, limit: 200, cursor },
    });
    if (!answer.ok) {
      if (isTokenError(answer)) throw tokenRejected(answer);
      throw new SynclineError(
        ErrorCode.DestinationConnectionFailed,
        `Slack could not list channels (conversations.list: ${answer.error})`,
        { details: { error: answer.error } },
      );
    }
    for (const channel of (answer.json.channels as Record<string, unknown>[] | undefined) ?? []) {
      if (channel.is_member === true && channel.is_archived !== true && typeof channel.id === 'string')
        channels.push({ id: channel.id, name: typeof channel.name === 'string' ? channel.name : channel.id });
    }
    const meta = answer.json.response_metadata as { next_cursor?: string } | undefined;
    cursor = meta?.next_cursor || undefined;
    if (!cursor) break;
  }
  return channels;
}
