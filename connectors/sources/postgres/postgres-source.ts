/** The Postgres source connector: a warehouse (or app database) Syncline reads models from. */
import type { SourceConnector } from '@syncline/domain';
import { checkPgConnection } from '../../kit/postgres';
import { discoverTables } from './discover';
import {
  POSTGRES_SOURCE_SECRET_FIELDS,
  type PostgresSourceConfig,
  postgresSourceSpec,
} from './postgres-source.config';
import { streamQuery } from './query-stream';
import { openWarehouseSession } from './warehouse-session';

export const postgresSource: SourceConnector<PostgresSourceConfig> = {
  type: 'postgres',
  spec: postgresSourceSpec,
  secretFields: POSTGRES_SOURCE_SECRET_FIELDS,

  /** Connects (5 s handshake limit) and runs SELECT 1; wrong credentials, database or host are reported, not thrown. */
  check(config) {
    return checkPgConnection(config, { applicationName: 'syncline-source' });
  },

  /** Tables and views outside the system schemas, columns typed by the shared OID mapping. */
  discover(config) {
    return discoverTables(config);
  },

  /**
   * Streams `sql` in batches inside a read-only transaction. `timeoutMs` bounds the whole read, time spent by
   * the consumer between batches included (Postgres times the cursor's portal as one statement). Throws InvalidQuery (bad SQL), QueryTimeout
   * (statement timeout, or the signal fired) or SourceConnectionFailed; always releases its connection.
   */
  query(config, sql, options) {
    return streamQuery(config, sql, options);
  },

  /** In-warehouse CDC (opt-in per source): needs CREATE on the database for the `syncline_planner` schema. */
  warehouse: { dialect: 'postgres', openSession: openWarehouseSession },
};
