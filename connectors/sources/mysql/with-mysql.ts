/** Runs `work` on a fresh MySQL session and always closes it; failures become SynclineErrors. */
import { SynclineError } from '@syncline/errors';
import type { Connection } from 'mysql2';
import { sourceConnectFailed, sourceQueryFailed } from '../../kit/source-errors';
import { connectMysql, endMysql } from './connect';
import { classifyMysqlError, describeMysqlConnectFailure, mysqlMessage } from './mysql-errors';
import type { MysqlSourceConfig } from './mysql-source.config';

export function openMysql(config: MysqlSourceConfig): Promise<Connection> {
  return connectMysql(config).catch((err: unknown) => {
    throw sourceConnectFailed(describeMysqlConnectFailure(err, config), err);
  });
}

export async function withMysql<T>(
  config: MysqlSourceConfig,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await openMysql(config);
  try {
    return await work(connection);
  } catch (err) {
    if (err instanceof SynclineError) throw err;
    throw sourceQueryFailed(classifyMysqlError(err), mysqlMessage(err, config), err);
  } finally {
    await endMysql(connection);
  }
}
