/** In-warehouse CDC dialects by name (a source's `warehouse.dialect`). A new warehouse adds one file here. */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { WarehouseDialect } from '../dialect';
import { postgresDialect } from './postgres.dialect';
import { snowflakeDialect } from './snowflake.dialect';

const DIALECTS: Record<string, WarehouseDialect> = {
  [postgresDialect.name]: postgresDialect,
  [snowflakeDialect.name]: snowflakeDialect,
};

export function warehouseDialect(name: string): WarehouseDialect {
  const dialect = DIALECTS[name];
  if (!dialect) {
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `In-warehouse CDC has no SQL dialect "${name}" (known: ${Object.keys(DIALECTS).join(', ')})`,
    );
  }
  return dialect;
}
