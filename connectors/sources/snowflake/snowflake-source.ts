/**
 * The Snowflake source connector (snowflake-sdk). Snowflake has no read-only session switch: give Syncline a
 * role that holds only USAGE and SELECT grants, which is what keeps a model from writing.
 */
import type { SourceConnector } from '@syncline/domain';
import { discoverTables } from './discover';
import { streamSnowflakeQuery } from './query-stream';
import { describeSnowflakeConnectFailure } from './snowflake-errors';
import {
  SNOWFLAKE_SOURCE_SECRET_FIELDS,
  type SnowflakeSourceConfig,
  snowflakeSourceSpec,
} from './snowflake-source.config';
import { closeSnowflake, connectSnowflake } from './connect';
import { openSnowflakeWarehouseSession } from './warehouse-session';

export const snowflakeSource: SourceConnector<SnowflakeSourceConfig> = {
  type: 'snowflake',
  spec: snowflakeSourceSpec,
  secretFields: SNOWFLAKE_SOURCE_SECRET_FIELDS,

  /** Logs in (bounded by connectTimeoutMs) and runs SELECT 1; refusals are reported, not thrown. */
  async check(config) {
    let connection;
    try {
      connection = await connectSnowflake(config);
    } catch (err) {
      return { ok: false, message: describeSnowflakeConnectFailure(err, config) };
    }
    try {
      for await (const batch of streamSnowflakeQuery(config, 'SELECT 1 AS ok')) void batch;
      return {
        ok: true,
        message: `Connected to Snowflake as ${config.username}, database ${config.database}`,
      };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    } finally {
      await closeSnowflake(connection);
    }
  },

  /** Tables and views of the configured database (information_schema), columns in Syncline types. */
  discover(config) {
    return discoverTables(config);
  },

  /** Streams `sql`; `timeoutMs` and the signal cancel the statement. Throws InvalidQuery, QueryTimeout, SourceConnectionFailed. */
  query(config, sql, options) {
    return streamSnowflakeQuery(config, sql, options);
  },

  /** In-warehouse CDC (opt-in per source): the role needs CREATE SCHEMA on the database. */
  warehouse: { dialect: 'snowflake', openSession: openSnowflakeWarehouseSession },
};
