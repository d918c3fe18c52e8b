/** Public surface of the DuckDB source. */
export { duckdbSource } from './duckdb-source';
export { duckdbSourceSpec, type DuckdbSourceConfig } from './duckdb-source.config';
