import type { SecretBox } from '@syncline/crypto';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';

/** What activities need from the worker process; injected so activities stay thin and testable. */
export interface ActivityDeps {
  /** Control-plane entities (TypeORM). */
  dataSource: DataSource;
  /** Control-plane pool for CDC staging and state (raw SQL, bulk statements). */
  pool: Pool;
  secretBox: SecretBox;
}
