/**
 * Opens a mysql2 connection (callback API: its query streams are what `query` reads) with a bounded handshake,
 * exact numbers and UTC dates.
 */
import { type Connection, createConnection } from 'mysql2';
import type { MysqlSourceConfig } from './mysql-source.config';

export function connectMysql(config: MysqlSourceConfig): Promise<Connection> {
  const connection = createConnection({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    ssl: config.ssl ? { rejectUnauthorized: true } : undefined,
    connectTimeout: config.connectTimeoutMs,
    // BIGINT and DECIMAL as strings: a JS number would round ids above 2^53 and decimals, and CDC hashes
    // must see exact values. DATETIME is read as UTC rather than the worker's local zone.
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: ['DATE'],
    timezone: 'Z',
  });
  // A connection lost while idle is emitted as an event; without a listener Node would crash the worker.
  connection.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    connection.connect((err) => {
      if (err) {
        connection.destroy();
        reject(err);
      } else resolve(connection);
    });
  });
}

export function mysqlQuery(connection: Connection, sql: string, values?: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    connection.query(sql, values, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export function endMysql(connection: Connection): Promise<void> {
  return new Promise((resolve) => {
    connection.end(() => {
      connection.destroy();
      resolve();
    });
  });
}
