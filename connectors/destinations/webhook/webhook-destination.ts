/**
 * The webhook destination connector: POSTs signed JSON batches of changes to a URL the user runs.
 * Wire format: `{"batch":[{"op","key","fields","idempotencyKey"}]}` with X-Syncline-Signature and Idempotency-Key.
 */
import type { DestinationConnector, RecordOutcome, SyncMode } from '@syncline/domain';
import { BatchRejectedError } from '@syncline/errors';
import { createHash } from 'node:crypto';
import { batchVerdict } from './webhook-response';
import { postSigned, serialiseRecord, signedRequest, webhookHost } from './webhook-request';
import {
  WEBHOOK_SECRET_FIELDS,
  type WebhookDestinationConfig,
  webhookDestinationSpec,
} from './webhook-destination.config';

const MODES: SyncMode[] = ['insert', 'update', 'upsert', 'mirror'];
const CHECK_TIMEOUT_MS = 10_000;

export const webhookDestination: DestinationConnector<WebhookDestinationConfig> = {
  type: 'webhook',
  spec: webhookDestinationSpec,
  secretFields: WEBHOOK_SECRET_FIELDS,
  defaultBatchSize: 100,
  // A receiver we know nothing about: modest, and raised per destination where the user's receiver allows.
  defaultRateLimit: { requests: 20, perMs: 1000, concurrency: 4 },

  /** Destinations posting to the same URL share its limit (hashed: the URL may carry a token). */
  rateLimitScope(config) {
    return createHash('sha256').update(config.url).digest('hex').slice(0, 16);
  },

  /** The user's `batchSize`, so the deliver step sends exactly one request per write. */
  batchSize(config) {
    return config.batchSize;
  },

  /** Sends a signed `{"batch":[],"test":true}`; ok when the receiver answers 2xx. */
  async check(config) {
    const host = webhookHost(config);
    const timeoutMs = Math.min(config.timeoutMs, CHECK_TIMEOUT_MS);
    try {
      const answer = await postSigned(config, signedRequest(config, [], [], { test: true }), { timeoutMs });
      batchVerdict(answer, host);
      if (answer.status >= 300) {
        return {
          ok: false,
          message: `Webhook at ${host} answered the test request with HTTP ${answer.status}: ${answer.text.slice(0, 200)}`,
        };
      }
      return {
        ok: true,
        message: `Webhook at ${host} accepted a signed test request (HTTP ${answer.status})`,
      };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  /** A webhook has one free-form object. */
  async objects() {
    return [{ name: 'events', modes: [...MODES] }];
  },

  /** Free-form: any mapped field is sent as is. */
  async fields() {
    return [];
  },

  /**
   * One signed POST per `batchSize` records (one per call: the deliver step batches by `batchSize`).
   * 2xx → accepted; other 4xx → BatchRejectedError (the caller splits the batch); 401/403 throw.
   */
  async write(config, records, context) {
    const outcomes: RecordOutcome[] = [];
    const host = webhookHost(config);
    for (let start = 0; start < records.length; start += config.batchSize) {
      const chunk = records.slice(start, start + config.batchSize);
      const sendable: { key: string; json: string; idempotencyKey: string }[] = [];
      const chunkOutcomes = new Map<number, RecordOutcome>();
      chunk.forEach((record, i) => {
        const json = serialiseRecord(record);
        if (typeof json === 'string')
          sendable.push({ key: record.key, json, idempotencyKey: record.idempotencyKey });
        else
          chunkOutcomes.set(i, {
            key: record.key,
            status: 'rejected',
            reason: `Fields are not JSON-serialisable: ${json.message}`,
          });
      });
      if (sendable.length > 0) {
        const request = signedRequest(
          config,
          sendable.map((s) => s.json),
          sendable.map((s) => s.idempotencyKey),
        );
        const answer = await postSigned(config, request, {
          signal: context.signal,
          timeoutMs: config.timeoutMs,
          gate: context.gate,
        });
        const verdict = batchVerdict(answer, host);
        if (!verdict.accepted) throw new BatchRejectedError(verdict.reason);
        chunk.forEach((record, i) => {
          if (!chunkOutcomes.has(i)) chunkOutcomes.set(i, { key: record.key, status: 'accepted' });
        });
      }
      chunk.forEach((_, i) => outcomes.push(chunkOutcomes.get(i)!));
    }
    return outcomes;
  },
};
