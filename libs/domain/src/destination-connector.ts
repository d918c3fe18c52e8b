import type { z } from 'zod';
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
}

export type RecordOutcome =
  { key: string; status: 'accepted' } | { key: string; status: 'rejected'; reason: string };

export interface WriteContext {
  mode: SyncMode;
  /** The sync's destination object (table, CRM object type); undefined where the destination has one. */
  object?: string;
  /** The destination field the model's primary key is mapped to, where the sync maps it. */
  keyField?: string;
  signal?: AbortSignal;
}

export interface DestinationObject {
  name: string;
  modes: SyncMode[];
}

export interface DestinationField {
  name: string;
  type: string;
  required: boolean;
}

/**
 * A destination connector: where data is consumed.
 * `write` reports one outcome per record; a rejected record is an outcome, never a thrown error.
 * It throws SynclineError for what concerns the whole batch: transient (retry) or config (fail the run).
 */
export interface DestinationConnector<Config = unknown> {
  readonly type: string;
  readonly spec: z.ZodType<Config>;
  readonly secretFields: readonly string[];
  readonly defaultBatchSize: number;
  /** Records per write for this config, where the user can choose it; defaults to `defaultBatchSize`. */
  batchSize?(config: Config): number;
  check(config: Config): Promise<CheckResult>;
  objects(config: Config): Promise<DestinationObject[]>;
  fields(config: Config, object: string): Promise<DestinationField[]>;
  /** Whether this destination does anything with removed rows in this mode. */
  handlesRemovals(mode: SyncMode): boolean;
  write(config: Config, records: DestinationRecord[], context: WriteContext): Promise<RecordOutcome[]>;
}
