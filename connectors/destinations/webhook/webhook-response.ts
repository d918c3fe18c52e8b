/**
 * What a webhook's HTTP answer means for a batch, by recovery strategy: accepted, refused for its content
 * (the caller splits it to find the bad records), or a thrown SynclineError (fix the config). 429, 5xx and
 * timeouts never get here: the destination HTTP kit waits them out or retries them.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { HttpAnswer } from '../../kit/http/destination-http';

export type BatchVerdict = { accepted: true } | { accepted: false; reason: string };

export function batchVerdict(answer: Pick<HttpAnswer, 'status' | 'text'>, host: string): BatchVerdict {
  const { status } = answer;
  if (status >= 200 && status < 300) return { accepted: true };
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
  return { accepted: false, reason: `HTTP ${status}: ${answer.text.slice(0, 200)}` };
}
