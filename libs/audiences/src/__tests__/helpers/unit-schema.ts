/** A small in-memory schema for unit tests of the compiler (columns as a source would report them). */
import { buildSchema, postgresDialect, type AudienceDialect, type CompileInput } from '../../index';

export function unitInput(dialect: AudienceDialect = postgresDialect): CompileInput {
  const users = {
    modelId: 'users',
    name: 'users',
    sourceId: 's',
    role: 'parent' as const,
    sql: 'SELECT * FROM users',
    primaryKey: 'id',
    columns: [
      { name: 'id', type: 'integer' as const, nativeType: 'integer' },
      { name: 'name', type: 'string' as const, nativeType: 'text' },
      { name: 'age', type: 'integer' as const, nativeType: 'integer' },
      { name: 'signed_up_at', type: 'timestamp' as const, nativeType: 'timestamp with time zone' },
    ],
  };
  const events = {
    modelId: 'events',
    name: 'events',
    sourceId: 's',
    role: 'event' as const,
    sql: 'SELECT * FROM events',
    primaryKey: 'id',
    timestampColumn: 'at',
    columns: [
      { name: 'id', type: 'integer' as const, nativeType: 'integer' },
      { name: 'user_id', type: 'integer' as const, nativeType: 'integer' },
      { name: 'at', type: 'timestamp' as const, nativeType: 'timestamp without time zone' },
    ],
  };
  return {
    dialect,
    schema: buildSchema([users, events], [
      { id: 'ev', fromModelId: 'users', toModelId: 'events', cardinality: 'one-to-many', joins: [{ from: 'id', to: 'user_id' }] },
    ]),
    traits: new Map(),
    audiences: new Map(),
  };
}
