/**
 * What HubSpot's answer to a batch write means for each record. 200/201/204: all landed. 207 multi-status:
 * `errors[]` name the failing inputs by `objectWriteTraceId` (we send one per input) or by the id values in
 * `context.ids`; they are rejected with HubSpot's message and the rest landed. 400 (and other 4xx) without
 * per-input detail: the whole batch is refused for its content (BatchRejectedError: the caller splits it).
 */
import type { RecordOutcome } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import type { HttpAnswer } from '../../kit/http/destination-http';
import { hubspotMessage, throwIfAuthFailure } from './hubspot-http';

export interface SentInput {
  key: string;
  traceId: string;
  /** The unique property value the input was matched by, where it has one. */
  id?: string;
}

interface BatchError {
  category?: unknown;
  message?: unknown;
  objectWriteTraceId?: unknown;
  context?: Record<string, unknown>;
  errors?: { message?: unknown }[];
}

const MAX_REASON = 500;

export function batchOutcomes(
  answer: HttpAnswer,
  sent: readonly SentInput[],
  scopesHint: string,
): RecordOutcome[] {
  const { status } = answer;
  if (status === 200 || status === 201 || status === 204)
    return sent.map((s) => ({ key: s.key, status: 'accepted' }));
  throwIfAuthFailure(answer, scopesHint);
  if (status === 207) return multiStatusOutcomes(answer, sent);
  if (status === 404)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `HubSpot does not know this object type: ${hubspotMessage(answer)}`,
      {
        details: { status },
      },
    );
  throw new BatchRejectedError(`HubSpot refused the batch (HTTP ${status}): ${hubspotMessage(answer)}`, {
    details: { status },
  });
}

function multiStatusOutcomes(answer: HttpAnswer, sent: readonly SentInput[]): RecordOutcome[] {
  const errors = (answer.json as { errors?: BatchError[] } | undefined)?.errors ?? [];
  const byTrace = new Map(sent.map((s, i) => [s.traceId, i]));
  const byId = new Map<string, number[]>();
  sent.forEach((s, i) => {
    // HubSpot may echo a value normalised (emails lower-cased).
    if (s.id !== undefined) byId.set(s.id.toLowerCase(), [...(byId.get(s.id.toLowerCase()) ?? []), i]);
  });
  const reasons = new Map<number, string[]>();
  const unattributed: string[] = [];
  for (const error of errors) {
    const reason = errorReason(error);
    const traces = strings(error.objectWriteTraceId ?? error.context?.objectWriteTraceId);
    const ids = strings(error.context?.ids ?? error.context?.id);
    const hits = new Set<number>();
    for (const t of traces) if (byTrace.has(t)) hits.add(byTrace.get(t)!);
    if (hits.size === 0) for (const id of ids) for (const i of byId.get(id.toLowerCase()) ?? []) hits.add(i);
    if (hits.size === 0) unattributed.push(reason);
    for (const i of hits) reasons.set(i, [...(reasons.get(i) ?? []), reason]);
  }
  // An error we cannot tie to an input may concern any of them: let the caller narrow it down.
  if (unattributed.length > 0)
    throw new BatchRejectedError(`HubSpot refused part of the batch (HTTP 207): ${unattributed.join('; ')}`, {
      details: { status: 207 },
    });
  return sent.map((s, i) => {
    const why = reasons.get(i);
    return why
      ? { key: s.key, status: 'rejected', reason: why.join('; ').slice(0, MAX_REASON) }
      : { key: s.key, status: 'accepted' };
  });
}

function errorReason(error: BatchError): string {
  const message = typeof error.message === 'string' ? error.message : 'rejected by HubSpot';
  const details = (error.errors ?? [])
    .map((e) => (typeof e.message === 'string' ? e.message : ''))
    .filter((m) => m && !message.includes(m));
  const text = [message, ...details].join(': ');
  return typeof error.category === 'string' ? `${error.category}: ${text}` : text;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
