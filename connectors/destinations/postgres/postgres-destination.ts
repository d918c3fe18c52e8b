/** The Postgres destination connector: syncs write model rows into a table, keyed by the model's primary key. */
import type { DestinationConnector, DestinationRecord, SyncMode } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { checkPgConnection, quoteQualified } from '../../kit/postgres';
import { tableMissingError } from './destination-errors';
import { withDestinationSession } from './destination-session';
import {
  POSTGRES_DESTINATION_SECRET_FIELDS,
  type PostgresDestinationConfig,
  postgresDestinationSpec,
} from './postgres-destination.config';
import { loadTable, listTables, type TableShape } from './table-columns';
import { writeBatch } from './write-batch';

const MODES: SyncMode[] = ['insert', 'update', 'upsert', 'mirror'];

export const postgresDestination: DestinationConnector<PostgresDestinationConfig> = {
  type: 'postgres',
  spec: postgresDestinationSpec,
  secretFields: POSTGRES_DESTINATION_SECRET_FIELDS,
  defaultBatchSize: 500,
  // One transaction per batch; the concurrency is the connection budget a sync may take from the database.
  defaultRateLimit: { requests: 1000, perMs: 1000, concurrency: 4 },

  /** Connects (5 s handshake limit) and runs SELECT 1; reports wrong credentials, database or host. */
  check(config) {
    return checkPgConnection(config, { applicationName: 'syncline-destination' });
  },

  /** The tables of the configured schema; every mode works on any table with a unique key column. */
  objects(config) {
    return withDestinationSession(config, `schema ${config.schema}`, undefined, async ({ client }) =>
      (await listTables(client, config.schema)).map((name) => ({ name, modes: [...MODES] })),
    );
  },

  /** Writable columns; `required` = NOT NULL without a default, so a mapping must fill it. */
  fields(config, table) {
    const qualified = quoteQualified(config.schema, table);
    return withDestinationSession(config, qualified, undefined, async ({ client }) => {
      const shape = await loadTable(client, config.schema, table);
      if (!shape) throw tableMissingError(qualified, config.database);
      return [...shape.columns.values()]
        .filter((c) => !c.generated)
        .map((c) => ({ name: c.name, type: c.fieldType, required: c.required }));
    });
  },

  /**
   * Writes the batch in one transaction; rows breaking the table's rules are rejected one by one with
   * Postgres's message. Throws InvalidConfig / InvalidMapping for the sync's setup, DestinationConnectionFailed
   * for credentials, DestinationUnavailable when interrupted (safe to retry: every mode is idempotent).
   */
  async write(config, records, context) {
    const table = context.object;
    if (!table)
      throw new SynclineError(
        ErrorCode.InvalidConfig,
        'The Postgres destination needs a table: choose a table for this sync',
      );
    const keyField = context.keyField;
    if (!keyField) {
      throw new SynclineError(
        ErrorCode.InvalidMapping,
        "Postgres needs a key column: map the model's primary key to a column",
      );
    }
    if (records.length === 0) return [];
    const qualified = quoteQualified(config.schema, table);
    return withDestinationSession(config, qualified, context.signal, async ({ client, run, race }) => {
      const shape = await race(loadTable(client, config.schema, table));
      if (!shape) throw tableMissingError(qualified, config.database);
      assertMappable(shape, keyField, records);
      return writeBatch(run, { shape, keyField, mode: context.mode }, records);
    });
  },
};

/** Every mapped column must exist and be writable: otherwise the whole sync is misconfigured, not one row. */
function assertMappable(shape: TableShape, keyField: string, records: readonly DestinationRecord[]): void {
  const mapped = new Set([keyField, ...records.flatMap((r) => Object.keys(r.fields))]);
  const missing = [...mapped].filter((name) => !shape.columns.has(name));
  if (missing.length > 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `Mapped columns missing from ${shape.qualified}: ${missing.map((m) => `"${m}"`).join(', ')}; map to existing columns`,
      { details: { missingColumns: missing } },
    );
  }
  const generated = [...mapped].filter((name) => shape.columns.get(name)?.generated);
  if (generated.length > 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `Generated columns cannot be written: ${generated.join(', ')}`,
      {
        details: { generatedColumns: generated },
      },
    );
  }
}
