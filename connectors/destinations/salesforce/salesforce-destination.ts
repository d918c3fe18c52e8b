/**
 * The Salesforce destination: any sObject, written through sObject Collections (200 records per request,
 * upsert by external id) or Bulk API 2.0 ingest jobs for large runs; insert, update, upsert and mirror
 * (upsert + delete of removed rows). Authenticates with an OAuth access token or a refresh-token flow.
 */
import type { DestinationConnector, DestinationRecord, RecordOutcome, WriteContext } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { createHash } from 'node:crypto';
import { writeIsolating } from '../../kit/write-isolating';
import { salesforceClient } from './salesforce-client';
import { COLLECTION_LIMIT } from './salesforce-collections';
import { describeObject, destinationFields, listObjects } from './salesforce-describe';
import { assertOk } from './salesforce-errors';
import { writeChanges, writeRemovals, type WritePlan } from './salesforce-write';
import {
  SALESFORCE_SECRET_FIELDS,
  type SalesforceDestinationConfig,
  salesforceDestinationSpec,
} from './salesforce-destination.config';

const CHECK_TIMEOUT_MS = 10_000;

/** Limits are per org: the instance URL names it. */
const orgScope = (config: SalesforceDestinationConfig): string =>
  createHash('sha256').update(new URL(config.instanceUrl).host.toLowerCase()).digest('hex').slice(0, 16);

const usesBulk = (config: SalesforceDestinationConfig, records: number, context: WriteContext): boolean =>
  // Bulk results are matched by the key column, so a sync that does not map its key stays on Collections.
  context.keyField !== undefined &&
  (config.mode === 'bulk' || (config.mode === 'auto' && records > config.bulkThreshold));

/** Rows this mode does nothing with: accepted without a request, so the delivered state moves on. */
const ignored = (record: DestinationRecord, context: WriteContext): boolean =>
  record.op === 'removed' ? context.mode !== 'mirror' : context.mode === 'insert' && record.op === 'changed';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const salesforceDestination: DestinationConnector<SalesforceDestinationConfig> = {
  type: 'salesforce',
  spec: salesforceDestinationSpec,
  secretFields: SALESFORCE_SECRET_FIELDS,
  // sObject Collections accept at most 200 records per request (REST API Developer Guide).
  defaultBatchSize: COLLECTION_LIMIT,
  // Salesforce meters a rolling 24 h allocation per org (100,000 + per-licence calls) and at most 25
  // concurrent requests longer than 20 s (5 on Developer Edition) — "API Request Limits and Allocations".
  // A full day at 60 requests a minute is 86,400 requests, under the 100,000 base every org has (other
  // integrations share it), and 5 in flight fits even a Developer Edition org. Raise it per destination.
  defaultRateLimit: { requests: 60, perMs: 60_000, concurrency: 5 },

  rateLimitScope: orgScope,

  /** Collections: 200 per write. Bulk and auto: `bulkBatchSize` per write (auto sends small ones by Collections). */
  batchSize(config) {
    return config.mode === 'collections' ? COLLECTION_LIMIT : config.bulkBatchSize;
  },

  /** `GET /limits`: authenticated and cheap; reports the org's remaining daily API requests. */
  async check(config) {
    try {
      const client = salesforceClient(config, { timeoutMs: Math.min(config.timeoutMs, CHECK_TIMEOUT_MS) });
      const answer = await client.api({ method: 'GET', path: '/limits' });
      assertOk(answer, 'read the org limits');
      const daily = (answer.json as { DailyApiRequests?: { Max?: number; Remaining?: number } } | undefined)
        ?.DailyApiRequests;
      const left = daily ? ` (${daily.Remaining ?? '?'} of ${daily.Max ?? '?'} daily API requests left)` : '';
      return { ok: true, message: `Connected to Salesforce at ${client.host}${left}` };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  async objects(config) {
    return listObjects(salesforceClient(config));
  },

  async fields(config, object) {
    return destinationFields(await describeObject(salesforceClient(config), orgScope(config), object));
  },

  /**
   * Collections: one request per call where the batch allows (≤ 200 records of one kind; update and delete
   * add a SOQL lookup of Ids first). Larger or mixed batches are written in parts, each isolated on its
   * own, so a refused part never discards the outcomes of the others. Bulk: one job per kind of change.
   */
  async write(config, records, context) {
    if (records.length === 0) return [];
    const object = context.object;
    if (!object)
      throw new SynclineError(
        ErrorCode.InvalidConfig,
        'Choose the Salesforce object (sObject) this sync writes to',
      );
    const byIndex = new Map<number, RecordOutcome>();
    const removals: number[] = [];
    const changes: number[] = [];
    records.forEach((r, i) => {
      if (ignored(r, context)) byIndex.set(i, { key: r.key, status: 'accepted' });
      else (r.op === 'removed' ? removals : changes).push(i);
    });
    const bulk = usesBulk(config, records.length, context);
    const parts = [changes, removals].filter((p) => p.length > 0);
    if (!bulk && (parts.length > 1 || parts.some((p) => p.length > COLLECTION_LIMIT))) {
      for (const part of parts.flatMap((p) => chunks(p, COLLECTION_LIMIT))) {
        const outcomes = await writeIsolating(
          salesforceDestination,
          config,
          part.map((i) => records[i]!),
          context,
        );
        part.forEach((index, n) => byIndex.set(index, outcomes[n]!));
      }
      return records.map((_, i) => byIndex.get(i)!);
    }
    if (parts.length > 0) {
      const client = salesforceClient(config, { gate: context.gate, signal: context.signal });
      const plan: WritePlan = {
        client,
        describe: await describeObject(client, orgScope(config), object),
        mode: context.mode,
        keyField: context.keyField,
        bulk: bulk
          ? {
              pollIntervalMs: config.bulkPollIntervalMs,
              signal: context.signal,
              abortClient: salesforceClient(config, { gate: context.gate }),
            }
          : undefined,
      };
      for (const [part, writePart] of [
        [changes, writeChanges],
        [removals, writeRemovals],
      ] as const) {
        if (part.length === 0) continue;
        const outcomes = await writePart(
          plan,
          part.map((i) => records[i]!),
        );
        part.forEach((index, n) => byIndex.set(index, outcomes[n]!));
      }
    }
    return records.map((_, i) => byIndex.get(i)!);
  },
};
