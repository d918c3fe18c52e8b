import type { z } from 'zod';
import type { Column, RowBatch } from './types';
import type { WarehouseCapability } from './warehouse-session';

export interface CheckResult {
  ok: boolean;
  message: string;
}

export interface DiscoveredTable {
  schema: string;
  name: string;
  columns: Column[];
}

export interface QueryOptions {
  /** Aborts the query on the server (Temporal cancellation, API timeout). */
  signal?: AbortSignal;
  batchSize?: number;
  /** Server-side statement timeout. */
  timeoutMs?: number;
  /** Stop after this many rows (previews). */
  limit?: number;
}

/**
 * A source connector: a system where data resides.
 * Every method validates nothing itself: `spec` is applied at the boundary (`parseConfig`).
 */
export interface SourceConnector<Config = unknown> {
  readonly type: string;
  /** Config schema; fields listed in `secretFields` are encrypted at rest and never returned. */
  readonly spec: z.ZodType<Config>;
  readonly secretFields: readonly string[];
  /** Connects and runs a trivial read; never throws for bad credentials, reports them. */
  check(config: Config): Promise<CheckResult>;
  /** Schemas, tables and columns visible to the configured user. */
  discover(config: Config): Promise<DiscoveredTable[]>;
  /** Streams the query result in batches; memory is bounded by batch size. */
  query(config: Config, sql: string, options?: QueryOptions): AsyncIterable<RowBatch>;
  /** Present when the source can run in-warehouse CDC (opt-in per source). */
  readonly warehouse?: WarehouseCapability<Config>;
}
