/** The DuckDB source connector (@duckdb/node-api): a local .duckdb file, the zero-setup warehouse for demos. */
import type { SourceConnector } from '@syncline/domain';
import { discoverTables } from './discover';
import {
  DUCKDB_SOURCE_SECRET_FIELDS,
  type DuckdbSourceConfig,
  duckdbSourceSpec,
} from './duckdb-source.config';
import { openDuckdb } from './open-duckdb';
import { streamDuckdbQuery } from './query-stream';

export const duckdbSource: SourceConnector<DuckdbSourceConfig> = {
  type: 'duckdb',
  spec: duckdbSourceSpec,
  secretFields: DUCKDB_SOURCE_SECRET_FIELDS,

  /** Opens the file read-only and runs SELECT 1; a missing or locked file is reported, not thrown. */
  async check(config) {
    try {
      const session = await openDuckdb(config);
      try {
        await session.connection.run('SELECT 1');
      } finally {
        session.close();
      }
      return { ok: true, message: `Opened ${config.path} read-only` };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },

  /** Tables and views of every schema in the file (information_schema), columns in Syncline types. */
  discover(config) {
    return discoverTables(config);
  },

  /** Streams `sql` chunk by chunk from the read-only file; time limit and signal interrupt it. */
  query(config, sql, options) {
    return streamDuckdbQuery(config, sql, options);
  },
};
