/** Public surface of the Postgres destination. */
export { postgresDestination } from './postgres-destination';
export { postgresDestinationSpec, type PostgresDestinationConfig } from './postgres-destination.config';
