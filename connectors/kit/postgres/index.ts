/** Postgres plumbing shared by the Postgres source and destination. */
export * from './connection-config';
export * from './connect';
export * from './check-connection';
export * from './pg-error';
export * from './quote-identifier';
