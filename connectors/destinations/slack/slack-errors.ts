/**
 * Slack `ok:false` error codes by recovery strategy: a token Slack will not accept fails the destination
 * (DestinationConnectionFailed), a channel the bot cannot post to fails the sync (InvalidConfig), and
 * everything else (msg_too_long, invalid_blocks, no_text …) concerns the one message and rejects its row.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { SlackAnswer } from './slack-api';

const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'missing_scope',
  'no_permission',
  'team_access_not_granted',
  'ekm_access_denied',
]);

const CHANNEL_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

/** Throws for token and channel errors; returns the rejection reason of a message-level error. */
export function messageFailure(answer: SlackAnswer, channel: string): string {
  const error = answer.error ?? 'unknown_error';
  if (TOKEN_ERRORS.has(error)) throw tokenRejected(answer);
  if (CHANNEL_ERRORS.has(error))
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Slack cannot post to channel ${channel} (${error}): check the channel id, that it is not archived, and invite the bot to it`,
      { details: { channel, error } },
    );
  const detail = typeof answer.json.text === 'string' ? `: ${answer.json.text}` : '';
  return `Slack refused the message: ${error}${detail}`;
}

export function tokenRejected(answer: SlackAnswer): SynclineError {
  const needed = typeof answer.json.needed === 'string' ? ` (needs scope ${answer.json.needed})` : '';
  return new SynclineError(
    ErrorCode.DestinationConnectionFailed,
    `Slack refused the bot token (${answer.error})${needed}: reinstall the app or update the token`,
    { details: { error: answer.error } },
  );
}

export const isTokenError = (answer: SlackAnswer): boolean => TOKEN_ERRORS.has(answer.error ?? '');
