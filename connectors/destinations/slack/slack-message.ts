/**
 * Builds the `chat.postMessage` body for one record: which ops post in which mode, the mapped fields
 * coerced to Slack's types, the removed-row text, and the row metadata. Slack itself judges the content
 * (no_text, msg_too_long, invalid_blocks) and its answer becomes the record's outcome.
 */
import type { DestinationField, DestinationFieldType, DestinationRecord, SyncMode } from '@syncline/domain';
import { coerceFields, renderTemplate } from '@syncline/mapping';
import type { SlackDestinationConfig } from './slack-destination.config';

export const MESSAGE_FIELD_TYPES: Readonly<Record<string, DestinationFieldType>> = {
  text: 'string',
  blocks: 'json',
  username: 'string',
  icon_emoji: 'string',
};

export const MESSAGE_FIELDS: DestinationField[] = Object.entries(MESSAGE_FIELD_TYPES).map(([name, type]) => ({
  name,
  type,
  required: name === 'text',
}));

export const ROW_EVENT_TYPE = 'syncline_row';

/** insert: added rows; update: changed rows; upsert: added + changed; mirror: every change. */
export function postsFor(op: DestinationRecord['op'], mode: SyncMode): boolean {
  switch (mode) {
    case 'insert':
      return op === 'added';
    case 'update':
      return op === 'changed';
    case 'upsert':
      return op !== 'removed';
    case 'mirror':
      return true;
  }
}

export type MessageBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export function messageBody(
  config: SlackDestinationConfig,
  channel: string,
  record: DestinationRecord,
): MessageBody {
  const metadata = config.rowMetadata
    ? { metadata: { event_type: ROW_EVENT_TYPE, event_payload: { key: record.key, op: record.op } } }
    : {};
  if (record.op === 'removed')
    return {
      ok: true,
      body: {
        channel,
        text: renderTemplate(config.removedTemplate, { key: record.key, op: 'removed' }, 'removedTemplate'),
        ...metadata,
      },
    };
  const coerced = coerceFields(record.fields, MESSAGE_FIELD_TYPES);
  if (!coerced.ok) return { ok: false, reason: coerced.reason };
  const body: Record<string, unknown> = { channel };
  for (const name of Object.keys(MESSAGE_FIELD_TYPES)) {
    const value = coerced.fields[name];
    if (value !== null && value !== undefined) body[name] = value;
  }
  try {
    JSON.stringify(body);
  } catch (err) {
    return {
      ok: false,
      reason: `Fields are not JSON-serialisable: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  return { ok: true, body: { ...body, ...metadata } };
}
