/** Where the tests find MariaDB: 127.0.0.1:3306 as root without a password, or SYNCLINE_TEST_MYSQL_URL. */
import { connectMysql, endMysql, mysqlQuery } from '../sources/mysql/connect';
import { mysqlSourceSpec } from '../sources/mysql/mysql-source.config';
export function mariadbAdminConfig(): Record<string, unknown> {
  const url = new URL(process.env.SYNCLINE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/** Runs one statement as the MariaDB admin, in `database` when given. */
export async function mariadbAdmin(sql: string, database = 'mysql'): Promise<void> {
  const connection = await connectMysql(mysqlSourceSpec.parse({ ...mariadbAdminConfig(), database }));
  try {
    await mysqlQuery(connection, sql);
  } finally {
    await endMysql(connection);
  }
}
