/**
 * What the Slack emulator checks in a `chat.postMessage` call, as Slack documents it: text or blocks
 * (no_text), text up to 40,000 characters (msg_too_long), blocks as an array of at most 50 objects with a
 * `type` (invalid_blocks), metadata as `{event_type, event_payload}` (invalid_metadata_format). Form-encoded
 * calls carry blocks and metadata as JSON strings, so both encodings arrive here as parsed values.
 */
export const MAX_TEXT_LENGTH = 40_000;
export const MAX_BLOCKS = 50;

export interface PostedMessage {
  ts: string;
  text?: string;
  blocks?: Record<string, unknown>[];
  username?: string;
  icon_emoji?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export type MessageCheck = { ok: true; message: Omit<PostedMessage, 'ts'> } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fromJsonString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function checkMessage(args: Record<string, unknown>): MessageCheck {
  const text = args.text;
  const blocks = fromJsonString(args.blocks);
  const metadata = fromJsonString(args.metadata);
  if (text !== undefined && typeof text !== 'string') return { ok: false, error: 'invalid_arguments' };
  if ((text === undefined || text === '') && blocks === undefined && args.attachments === undefined)
    return { ok: false, error: 'no_text' };
  if (typeof text === 'string' && text.length > MAX_TEXT_LENGTH) return { ok: false, error: 'msg_too_long' };
  if (
    blocks !== undefined &&
    (!Array.isArray(blocks) ||
      blocks.length > MAX_BLOCKS ||
      !blocks.every((b) => isObject(b) && typeof b.type === 'string' && b.type !== ''))
  )
    return { ok: false, error: 'invalid_blocks' };
  if (
    metadata !== undefined &&
    (!isObject(metadata) || typeof metadata.event_type !== 'string' || !isObject(metadata.event_payload))
  )
    return { ok: false, error: 'invalid_metadata_format' };
  const message: Omit<PostedMessage, 'ts'> = {};
  if (typeof text === 'string') message.text = text;
  if (blocks !== undefined) message.blocks = blocks as Record<string, unknown>[];
  if (typeof args.username === 'string') message.username = args.username;
  if (typeof args.icon_emoji === 'string') message.icon_emoji = args.icon_emoji;
  if (metadata !== undefined) message.metadata = metadata as PostedMessage['metadata'];
  return { ok: true, message };
}
