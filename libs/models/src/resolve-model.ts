/**
 * Turns what a user gave for a model (SQL, a table, or a dbt model) into the definition to store, the SQL the
 * source runs and the primary key (a dbt model's `unique` test column when none was given).
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { loadDbtManifest, type ManifestInput } from './dbt/dbt-manifest';
import { dbtModelSql, findDbtModel } from './dbt/dbt-models';
import type { DbtQuerySource, ModelDefinition, ModelKind } from './model-definition';
import { tableSelectSql } from './table-select-sql';

export interface ModelSpecInput {
  kind: ModelKind;
  sql?: string;
  table?: { schema: string; table: string };
  dbt?: ManifestInput & { uniqueId: string; use?: DbtQuerySource };
  primaryKey?: string;
}

export interface ResolvedModel {
  definition: ModelDefinition;
  sql: string;
  primaryKey: string;
}

export async function resolveModel(sourceType: string, input: ModelSpecInput): Promise<ResolvedModel> {
  switch (input.kind) {
    case 'sql': {
      if (!input.sql?.trim()) throw missing('sql', 'a SQL model needs its SQL');
      return { definition: { kind: 'sql' }, sql: input.sql, primaryKey: requireKey(input.primaryKey) };
    }
    case 'table': {
      if (!input.table) throw missing('table', 'a table model needs a schema and a table');
      const { schema, table } = input.table;
      return {
        definition: { kind: 'table', schema, table },
        sql: tableSelectSql(sourceType, { schema, table }),
        primaryKey: requireKey(input.primaryKey),
      };
    }
    case 'dbt': {
      if (!input.dbt) throw missing('dbt', 'a dbt model needs a manifest and the model unique_id');
      const use = input.dbt.use ?? 'relation';
      const model = findDbtModel(await loadDbtManifest(input.dbt), input.dbt.uniqueId);
      const primaryKey = input.primaryKey ?? model.defaultPrimaryKey;
      if (!primaryKey) {
        throw new SynclineError(
          ErrorCode.PrimaryKeyMissing,
          `dbt model ${model.name} has no unique test to take a primary key from: give primaryKey`,
        );
      }
      return {
        definition: { kind: 'dbt', uniqueId: model.uniqueId, manifestPath: input.dbt.manifestPath, use },
        sql: dbtModelSql(model, use),
        primaryKey,
      };
    }
  }
}

function requireKey(primaryKey: string | undefined): string {
  if (!primaryKey?.trim()) {
    throw new SynclineError(ErrorCode.PrimaryKeyMissing, 'A model must declare its primary key column');
  }
  return primaryKey;
}

function missing(field: string, message: string): SynclineError {
  return new SynclineError(ErrorCode.BadUserInput, `${message} (${field})`, { details: { field } });
}
