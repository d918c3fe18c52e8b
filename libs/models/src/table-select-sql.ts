/** The SQL of a table model: every column of one table, names quoted for the source's dialect. */
import { quoteIdentifierFor } from './quote-identifier';
import type { TableModelDefinition } from './model-definition';

export function tableSelectSql(sourceType: string, { schema, table }: TableModelDefinition): string {
  return `SELECT * FROM ${quoteIdentifierFor(sourceType, schema)}.${quoteIdentifierFor(sourceType, table)}`;
}
