/** The DuckDB source's config spec: a database file on the worker's file system, opened read-only. */
import { z } from 'zod';

export const duckdbSourceSpec = z.object({
  /** Absolute path of the .duckdb file; the worker (and the API, for previews) must be able to read it. */
  path: z.string().min(1),
});

export type DuckdbSourceConfig = z.infer<typeof duckdbSourceSpec>;

export const DUCKDB_SOURCE_SECRET_FIELDS: readonly string[] = [];
