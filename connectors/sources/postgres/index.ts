/** Public surface of the Postgres source. */
export { postgresSource } from './postgres-source';
export { postgresSourceSpec, type PostgresSourceConfig } from './postgres-source.config';
export { pgColumn, pgTypeInfo } from './column-types';
