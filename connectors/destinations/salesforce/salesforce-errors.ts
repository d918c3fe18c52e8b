/**
 * What a Salesforce REST answer means by recovery strategy. Whole-request errors come as
 * `[{errorCode, message, fields?}]`; per-record errors as `{statusCode, message, fields}` inside results.
 * 429/5xx never get here: the destination HTTP kit waits them out or makes them transient.
 */
import type { RecordOutcome } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import { credentialsRejected, type HttpAnswer } from '../../kit/http/destination-http';

export const VENDOR = 'Salesforce';

export interface ApiError {
  errorCode: string;
  message: string;
}

export interface RecordError {
  statusCode: string;
  message: string;
  fields?: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The `[{errorCode, message}]` body of a refused request; empty when the body is something else. */
export function apiErrors(answer: Pick<HttpAnswer, 'json'>): ApiError[] {
  const body = answer.json;
  const list = Array.isArray(body) ? body : isObject(body) ? [body] : [];
  return list
    .filter(isObject)
    .flatMap((e) =>
      typeof e.errorCode === 'string'
        ? [{ errorCode: e.errorCode, message: typeof e.message === 'string' ? e.message : '' }]
        : [],
    );
}

export const hasErrorCode = (answer: Pick<HttpAnswer, 'json'>, code: string): boolean =>
  apiErrors(answer).some((e) => e.errorCode === code);

export function describeApiErrors(answer: Pick<HttpAnswer, 'json' | 'text' | 'status'>): string {
  const errors = apiErrors(answer);
  if (errors.length === 0) return `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
  return errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ');
}

/** `statusCode: message (fields)` — the per-record reason users see, in Salesforce's own words. */
/**
 * Salesforce's per-record "try again later": another transaction holds the record (or its parent) locked.
 * Its documentation says to retry such records, so they are deferred to the next run, not rejected.
 */
const RETRY_LATER_CODES = new Set(['UNABLE_TO_LOCK_ROW']);

/** The outcome of a record Salesforce did not save: deferred when it asks to retry, else rejected. */
export function failedRecordOutcome(key: string, errors: readonly RecordError[]): RecordOutcome {
  const reason = recordReason(errors);
  const retryLater = errors.length > 0 && errors.every((e) => RETRY_LATER_CODES.has(e.statusCode));
  return { key, status: retryLater ? 'deferred' : 'rejected', reason };
}

/** Bulk API failed-results rows carry the error as `CODE:message`. */
export function failedBulkRowOutcome(key: string, error: string): RecordOutcome {
  const code = /^([A-Z_]+):/.exec(error)?.[1];
  return { key, status: code && RETRY_LATER_CODES.has(code) ? 'deferred' : 'rejected', reason: error };
}

export function recordReason(errors: readonly RecordError[]): string {
  if (errors.length === 0) return 'Salesforce reported a failure without an error';
  return errors
    .map((e) => `${e.statusCode}: ${e.message}${e.fields?.length ? ` (${e.fields.join(', ')})` : ''}`)
    .join('; ');
}

/**
 * Throws for any non-2xx answer: 401/403 → the credentials (fix the config), 404 → a missing object or
 * resource (fix the sync), 400 and other 4xx → the request's content (the caller splits the batch).
 */
export function assertOk(answer: HttpAnswer, what: string): void {
  const { status } = answer;
  if (status >= 200 && status < 300) return;
  if (status === 401)
    throw credentialsRejected(
      VENDOR,
      answer,
      `${describeApiErrors(answer)}. Reconnect the destination (a new access token or refresh token).`,
    );
  if (status === 403)
    throw credentialsRejected(
      VENDOR,
      answer,
      `${describeApiErrors(answer)}. The connected user needs API access and permission to ${what}.`,
    );
  if (status === 404)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Salesforce could not find what is needed to ${what}: ${describeApiErrors(answer)}`,
      { details: { status } },
    );
  throw new BatchRejectedError(`Salesforce refused the request to ${what}: ${describeApiErrors(answer)}`, {
    details: { status, errorCodes: apiErrors(answer).map((e) => e.errorCode) },
  });
}
