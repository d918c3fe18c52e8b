/**
 * Reads what went wrong from a mysql2 error — the server's errno or the socket code, never the text — and words
 * connection failures so a user can act on them. MySQL and MariaDB share these numbers except where noted.
 */
import {
  errorMessage,
  errorProp,
  isUnreachableSocketCode,
  type SourceFailureKind,
} from '../../kit/source-errors';
import type { MysqlSourceConfig } from './mysql-source.config';

const ER_DBACCESS_DENIED = 1044;
const ER_ACCESS_DENIED = 1045;
const ER_BAD_DB = 1049;
const ER_QUERY_INTERRUPTED = 1317; // KILL QUERY
const ER_QUERY_TIMEOUT_MYSQL = 3024; // max_execution_time
const ER_STATEMENT_TIMEOUT_MARIADB = 1969; // max_statement_time
const ER_LOCK_WAIT_TIMEOUT = 1205;
const ER_LOCK_DEADLOCK = 1213;

export function classifyMysqlError(err: unknown): SourceFailureKind {
  const errno = errorProp(err, 'errno');
  if (errno === ER_ACCESS_DENIED || errno === ER_DBACCESS_DENIED) return 'auth';
  if (errno === ER_BAD_DB) return 'unknown-database';
  if (errno === ER_QUERY_TIMEOUT_MYSQL || errno === ER_STATEMENT_TIMEOUT_MARIADB) return 'timeout';
  if (errno === ER_QUERY_INTERRUPTED) return 'timeout';
  if (errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT) return 'conflict';
  const code = errorProp(err, 'code');
  if (isUnreachableSocketCode(code)) return 'unreachable';
  if (errorProp(err, 'fatal') === true) return 'connection-lost';
  return 'query';
}

export function mysqlMessage(err: unknown, config: MysqlSourceConfig): string {
  return errorMessage(err, config.password);
}

export function describeMysqlConnectFailure(err: unknown, config: MysqlSourceConfig): string {
  const target = `${config.user}@${config.host}:${config.port}/${config.database}`;
  const said = mysqlMessage(err, config);
  switch (classifyMysqlError(err)) {
    case 'auth':
      return `MySQL refused the credentials for user "${config.user}" (${target}): check the user name, password and the user's host grants (server said: ${said})`;
    case 'unknown-database':
      return `Database "${config.database}" does not exist on ${config.host}:${config.port}: check the database name (server said: ${said})`;
    case 'unreachable':
      return `Cannot reach MySQL at ${config.host}:${config.port} (${said}): check the host and port and that the server accepts TCP connections`;
    default:
      return `Could not connect to MySQL at ${target}: ${said}`;
  }
}
