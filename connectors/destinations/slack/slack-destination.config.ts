/** The Slack destination's config spec: the bot token, the Web API base URL and how removed rows read. */
import { z } from 'zod';
import { templateProblem } from '@syncline/mapping';

export const DEFAULT_REMOVED_TEMPLATE = 'Row {{ key }} was removed.';

export const slackDestinationSpec = z.object({
  // A bot token (chat:write, channels:read, groups:read); user tokens would post as a person.
  token: z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a Slack bot token (starts with xoxb-)'),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .default('https://slack.com/api'),
  /** Liquid over `key` (and `op`): the text posted for a removed row in mirror mode. */
  removedTemplate: z
    .string()
    .min(1)
    .superRefine((template, ctx) => {
      const problem = templateProblem(template);
      if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid Liquid template: ${problem}` });
    })
    .default(DEFAULT_REMOVED_TEMPLATE),
  /**
   * Attaches `metadata {event_type: 'syncline_row', event_payload: {key, op}}` to each message, so other
   * apps (and audits) can tell which row a message is about. Metadata is visible to the whole workspace.
   */
  rowMetadata: z.boolean().default(true),
});

export type SlackDestinationConfig = z.infer<typeof slackDestinationSpec>;

export const SLACK_SECRET_FIELDS: readonly string[] = ['token'];
