/** Public surface of the MySQL / MariaDB source. */
export { mysqlSource } from './mysql-source';
export { mysqlSourceSpec, type MysqlSourceConfig } from './mysql-source.config';
