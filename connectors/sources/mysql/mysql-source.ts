/** The MySQL / MariaDB source connector (mysql2): an application database or warehouse Syncline reads models from. */
import type { SourceConnector } from '@syncline/domain';
import { discoverTables } from './discover';
import { describeMysqlConnectFailure } from './mysql-errors';
import { MYSQL_SOURCE_SECRET_FIELDS, type MysqlSourceConfig, mysqlSourceSpec } from './mysql-source.config';
import { streamMysqlQuery } from './query-stream';
import { connectMysql, endMysql, mysqlQuery } from './connect';

export const mysqlSource: SourceConnector<MysqlSourceConfig> = {
  type: 'mysql',
  spec: mysqlSourceSpec,
  secretFields: MYSQL_SOURCE_SECRET_FIELDS,

  /** Connects (bounded by connectTimeoutMs) and runs SELECT 1; refusals are reported, not thrown. */
  async check(config) {
    let connection;
    try {
      connection = await connectMysql(config);
    } catch (err) {
      return { ok: false, message: describeMysqlConnectFailure(err, config) };
    }
    try {
      await mysqlQuery(connection, 'SELECT 1');
      return {
        ok: true,
        message: `Connected to ${config.user}@${config.host}:${config.port}/${config.database}`,
      };
    } catch (err) {
      return { ok: false, message: describeMysqlConnectFailure(err, config) };
    } finally {
      await endMysql(connection);
    }
  },

  /** Tables and views outside the system schemas; TINYINT(1) reads as boolean. */
  discover(config) {
    return discoverTables(config);
  },

  /**
   * Streams `sql` in a read-only transaction; `timeoutMs` is the server's statement time limit; the signal
   * runs KILL QUERY. Throws InvalidQuery, QueryTimeout or SourceConnectionFailed; always releases its connection.
   */
  query(config, sql, options) {
    return streamMysqlQuery(config, sql, options);
  },
};
