/** Test helper: a Postgres destination config pointing at a test database. */
import type { TestDatabase } from '@syncline/testing';
import type { PostgresDestinationConfig } from '../postgres-destination.config';

export function destinationConfigFor(db: TestDatabase): PostgresDestinationConfig {
  const url = new URL(db.url);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: db.name,
    user: decodeURIComponent(url.username),
    ssl: false,
    schema: 'public',
  };
}
