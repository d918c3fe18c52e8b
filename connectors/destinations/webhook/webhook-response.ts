/**
 * What a webhook's HTTP answer means for a batch, by recovery strategy: accepted, every record rejected
 * (the receiver refused this payload), or a thrown SynclineError (retry later, or fix the config).
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { parseRetryAfter } from './retry-after';

export type BatchVerdict = { accepted: true } | { accepted: false; reason: string };

export interface WebhookAnswer {
  status: number;
  retryAfter: string | null;
  body: string;
}

export function batchVerdict(answer: WebhookAnswer, host: string): BatchVerdict {
  const { status } = answer;
  const said = answer.body.slice(0, 200);
  if (status >= 200 && status < 300) return { accepted: true };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(answer.retryAfter);
    throw new SynclineError(
      ErrorCode.RateLimited,
      `Webhook at ${host} is rate limiting (HTTP 429); retry in ${retryAfterMs} ms`,
      {
        retryAfterMs,
      },
    );
  }
  if (status === 401 || status === 403) {
    throw new SynclineError(
      ErrorCode.DestinationConnectionFailed,
      `Webhook at ${host} refused the signature/credentials (HTTP ${status}): check the signing secret and headers configured for this destination`,
      { details: { status } },
    );
  }
  if (status >= 300 && status < 400) {
    // Following a redirect would re-send signed data to a host the user never configured.
    throw new SynclineError(
      ErrorCode.DestinationConnectionFailed,
      `Webhook at ${host} answered a redirect (HTTP ${status}): configure the final URL`,
      { details: { status } },
    );
  }
  if (status === 408 || status >= 500 || status < 200) {
    throw new SynclineError(
      ErrorCode.DestinationUnavailable,
      `Webhook at ${host} is unavailable (HTTP ${status}): ${said}`,
      {
        details: { status },
      },
    );
  }
  return { accepted: false, reason: `HTTP ${status}: ${said}` };
}
