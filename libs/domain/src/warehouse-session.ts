/**
 * A session inside a warehouse for in-warehouse CDC: Syncline runs its own SQL there (in the
 * `syncline_planner` schema) so the diff is computed by the warehouse and only changed rows leave it.
 */
export type SqlParam = string | number | boolean | null | string[] | number[];

export interface WarehouseSession {
  /** Runs statements whose result is not needed (DDL, inserts). */
  execute(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Small results only (counts, samples). */
  rows<T extends Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Streams a large result in batches; memory is bounded by the batch size. */
  stream<T extends Record<string, unknown>>(sql: string, batchSize: number): AsyncIterable<T[]>;
  close(): Promise<void>;
}

export interface WarehouseCapability<Config> {
  /** Name of the SQL dialect libs/cdc uses to build planner statements (e.g. `postgres`, `snowflake`). */
  readonly dialect: string;
  /** A read-write session (the planner schema is written); `signal` aborts running statements. */
  openSession(config: Config, options?: { signal?: AbortSignal }): Promise<WarehouseSession>;
}
