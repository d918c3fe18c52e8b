/**
 * Reading Graph API answers: the `{error:{message,type,code,error_subcode,fbtrace_id}}` body, Meta's
 * throttling codes (sent with HTTP 400/403, not 429) and how long they ask us to wait.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { credentialsRejected, type HttpAnswer } from '../../kit/http/destination-http';

export interface GraphError {
  message: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  fbtrace_id?: string;
}

/**
 * 4 app limit, 17 user/account limit, 32 page limit, 613 custom-level limit, 80003 custom-audience
 * business-use-case limit (Graph API and Marketing API rate-limiting pages).
 */
export const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80003]);
/** 1 unknown error, 2 service temporarily unavailable: Meta says retry. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([1, 2]);
/** 10 / 200-299: the token lacks a permission (ads_management) on this account. */
const isPermissionCode = (code: number): boolean => code === 10 || (code >= 200 && code < 300);
/** 33: the object does not exist, is not visible to this token, or does not take this operation. */
const MISSING_OBJECT_SUBCODE = 33;
/** 1713230: the audience is flagged (operation_status 471) and must be fixed in Audience Manager. */
const FLAGGED_AUDIENCE_SUBCODE = 1713230;

// Without a usage header Meta names no wait; its business-use-case windows are an hour long, so wait
// minutes rather than hammer a throttled account (the run retries after this on a Temporal timer).
const DEFAULT_THROTTLE_WAIT_MS = 5 * 60_000;

export function graphError(answer: Pick<HttpAnswer, 'json'>): GraphError | undefined {
  const body = answer.json as { error?: unknown } | undefined;
  const error = body?.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  return {
    message: typeof e.message === 'string' ? e.message : 'no message',
    type: typeof e.type === 'string' ? e.type : undefined,
    code: typeof e.code === 'number' ? e.code : undefined,
    error_subcode: typeof e.error_subcode === 'number' ? e.error_subcode : undefined,
    error_user_msg: typeof e.error_user_msg === 'string' ? e.error_user_msg : undefined,
    fbtrace_id: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : undefined,
  };
}

/**
 * `X-Business-Use-Case-Usage: {"<business id>":[{"type":"custom_audience",…,
 * "estimated_time_to_regain_access": <minutes>}]}` — the longest wait any entry names, in ms.
 */
function regainAccessMs(headers: Headers): number | undefined {
  const raw = headers.get('x-business-use-case-usage');
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: unknown }[]>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => Number(entry.estimated_time_to_regain_access))
      .filter((m) => Number.isFinite(m) && m > 0);
    return minutes.length > 0 ? Math.max(...minutes) * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

/** For the HTTP kit: how long to pause when this answer is a Meta throttle, else undefined. */
export function graphThrottleDelayMs(answer: HttpAnswer): number | undefined {
  if (answer.status < 400 || answer.status >= 500) return undefined;
  const code = graphError(answer)?.code;
  if (code === undefined || !THROTTLE_CODES.has(code)) return undefined;
  return regainAccessMs(answer.headers) ?? DEFAULT_THROTTLE_WAIT_MS;
}

const describe = (e: GraphError): string =>
  `${e.error_user_msg ?? e.message} (code ${e.code ?? '?'}${e.error_subcode ? `, subcode ${e.error_subcode}` : ''}${e.fbtrace_id ? `, fbtrace_id ${e.fbtrace_id}` : ''})`;

export type GraphRefusal = { kind: 'content'; reason: string };

/**
 * A non-2xx Graph answer: throws what concerns the destination (credentials, missing audience,
 * transient), and returns the refusals of the request's content for the caller to reject the batch.
 * Error messages from Meta never carry the token; the hint we add names the host only.
 */
export function graphRefusal(answer: HttpAnswer, host: string, what: string): GraphRefusal {
  const error = graphError(answer);
  const code = error?.code;
  if (code === 190 || answer.status === 401)
    throw credentialsRejected(
      'Meta',
      answer,
      `the access token for ${host} is invalid or expired (code 190): generate a new system-user token`,
    );
  if (code !== undefined && isPermissionCode(code))
    throw credentialsRejected(
      'Meta',
      answer,
      `the token may not manage ${what}: give the system user ads_management on the ad account (code ${code})`,
    );
  if (
    error &&
    code === 100 &&
    (error.error_subcode === MISSING_OBJECT_SUBCODE || error.error_subcode === FLAGGED_AUDIENCE_SUBCODE)
  )
    throw new SynclineError(ErrorCode.InvalidConfig, `Meta cannot update ${what}: ${describe(error)}`, {
      details: { status: answer.status, code, subcode: error.error_subcode },
    });
  if (code !== undefined && TRANSIENT_CODES.has(code))
    throw new SynclineError(
      ErrorCode.DestinationUnavailable,
      `Meta (${host}) failed temporarily: ${describe(error!)}`,
      {
        details: { status: answer.status, code },
      },
    );
  if (answer.status === 403 || !error)
    throw new SynclineError(
      ErrorCode.DestinationConnectionFailed,
      `Meta (${host}) answered HTTP ${answer.status} to ${what}: ${error ? describe(error) : answer.text.slice(0, 200)}`,
      { details: { status: answer.status, code } },
    );
  return { kind: 'content', reason: `Meta refused the upload: ${describe(error)}` };
}
