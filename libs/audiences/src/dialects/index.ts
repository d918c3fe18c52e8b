/** The audience dialect of a source type; sources without one cannot hold a Customer Studio schema. */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { AudienceDialect } from './dialect';
import { duckdbDialect } from './duckdb.dialect';
import { mysqlDialect } from './mysql.dialect';
import { postgresDialect } from './postgres.dialect';
import { snowflakeDialect } from './snowflake.dialect';

const DIALECTS: Record<string, AudienceDialect> = {
  postgres: postgresDialect,
  mysql: mysqlDialect,
  duckdb: duckdbDialect,
  snowflake: snowflakeDialect,
};

export function audienceDialect(sourceType: string): AudienceDialect {
  const dialect = DIALECTS[sourceType];
  if (!dialect) {
    throw new SynclineError(
      ErrorCode.InvalidSchema,
      `Audiences are not available for ${sourceType} sources (available: ${Object.keys(DIALECTS).join(', ')})`,
    );
  }
  return dialect;
}

export type { AudienceDialect, ColumnKind, TimeKind } from './dialect';
export { duckdbDialect, mysqlDialect, postgresDialect, snowflakeDialect };
