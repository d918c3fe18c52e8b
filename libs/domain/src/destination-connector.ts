import type { z } from 'zod';
import type { RateLimit, RequestGate } from './rate-limit';
import type { CheckResult } from './source-connector';
import type { SyncMode } from './sync';

/** One staged change after mapping: the unit a destination writes. */
export interface DestinationRecord {
  /** The model's primary key value, as a string. */
  key: string;
  op: 'added' | 'changed' | 'removed';
  /** Mapped destination fields (empty for removals). */
  fields: Record<string, unknown>;
  /** Deterministic per (sync, key, row hash): lets a replayed batch be recognised by the destination. */
  idempotencyKey: string;
  /**
   * For changed rows, the fields last delivered for this key where the CDC engine keeps them: destinations
   * that bill or rate-limit per attribute (Braze) send only what differs. Absent: send every field.
   */
  deliveredFields?: Record<string, unknown>;
}

/**
 * What the destination did with one record: `accepted`; `rejected` for its content (the reason says why);
 * `deferred` when the destination asks for this record to be sent again later (a locked record, a busy
 * resource). Rejected and deferred records stay pending: the next run sends them again.
 */
export type RecordOutcome =
  | { key: string; status: 'accepted' }
  | { key: string; status: 'rejected'; reason: string }
  | { key: string; status: 'deferred'; reason: string };

export interface WriteContext {
  mode: SyncMode;
  /** The sync run being delivered: multi-request uploads (Meta sessions, Bulk API jobs) are keyed by it. */
  runId?: string;
  /** The sync's destination object (table, CRM object type); undefined where the destination has one. */
  object?: string;
  /** The destination field the model's primary key is mapped to, where the sync maps it. */
  keyField?: string;
  signal?: AbortSignal;
  /** Every request to the destination passes this gate (shared rate limit); absent: no limit. */
  gate?: RequestGate;
}

export interface DestinationObject {
  name: string;
  modes: SyncMode[];
}

/** The types mapped values are coerced to before a destination writes them (see `coerceFields`). */
export type DestinationFieldType =
  'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'json' | 'enumeration';

export interface DestinationField {
  name: string;
  type: DestinationFieldType;
  required: boolean;
}

/**
 * A destination connector: where data is consumed.
 * `write` reports one outcome per record; a rejected record is an outcome, never a thrown error.
 * It throws SynclineError for what concerns the whole batch: transient (retry) or config (fail the run), and
 * BatchRejectedError when the destination refuses a whole request for its content (the caller then splits
 * the batch to isolate the bad records).
 */
export interface DestinationConnector<Config = unknown> {
  readonly type: string;
  readonly spec: z.ZodType<Config>;
  readonly secretFields: readonly string[];
  readonly defaultBatchSize: number;
  /** The vendor's documented limit for one account, used unless the destination overrides it. */
  readonly defaultRateLimit: RateLimit;
  /** Identifies the account the limit applies to (e.g. a hash of the token); default: the destination id. */
  rateLimitScope?(config: Config): string;
  /** Records per write for this config, where the user can choose it; defaults to `defaultBatchSize`. */
  batchSize?(config: Config): number;
  /**
   * How a sync's mapping is checked against the discovered fields: `custom` — other names are accepted too
   * (Braze custom attributes); `ignoreCase` — names match whatever their case (Meta match keys, Salesforce).
   */
  readonly fieldNames?: { custom?: boolean; ignoreCase?: boolean };
  check(config: Config): Promise<CheckResult>;
  objects(config: Config): Promise<DestinationObject[]>;
  fields(config: Config, object: string): Promise<DestinationField[]>;
  /**
   * Asks the CDC engine for `DestinationRecord.deliveredFields`. The engine then keeps the last delivered
   * fields of every key, which costs storage proportional to the synced data, so only destinations billed
   * or rate-limited per attribute ask.
   */
  readonly keepDeliveredFields?: boolean;
  write(config: Config, records: DestinationRecord[], context: WriteContext): Promise<RecordOutcome[]>;
}
