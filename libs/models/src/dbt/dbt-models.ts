/**
 * The models of a dbt manifest as Syncline offers them: name, relation, compiled SQL, and the default primary
 * key — the column of the model's `unique` test, which dbt already guarantees is unique.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { DbtQuerySource } from '../model-definition';
import type { DbtManifest, DbtManifestNode } from './dbt-manifest';

export interface DbtModel {
  uniqueId: string;
  name: string;
  description: string | null;
  materialized: string | null;
  relationName: string | null;
  compiledSql: string | null;
  /** The column of the model's `unique` test; null when it has none. */
  defaultPrimaryKey: string | null;
}

export function listDbtModels(manifest: DbtManifest): DbtModel[] {
  const nodes = Object.values(manifest.nodes);
  const uniqueColumns = new Map<string, string>();
  for (const node of nodes) {
    if (node.resource_type !== 'test' || node.test_metadata?.name !== 'unique') continue;
    const column = node.column_name ?? node.test_metadata.kwargs?.column_name;
    const model = node.attached_node ?? node.depends_on?.nodes?.find((n) => n.startsWith('model.'));
    if (typeof column === 'string' && model && !uniqueColumns.has(model)) uniqueColumns.set(model, column);
  }
  return nodes
    .filter((n) => n.resource_type === 'model')
    .map((n) => toModel(n, uniqueColumns.get(n.unique_id) ?? null))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function toModel(node: DbtManifestNode, defaultPrimaryKey: string | null): DbtModel {
  return {
    uniqueId: node.unique_id,
    name: node.name,
    description: node.description || null,
    materialized: node.config?.materialized ?? null,
    relationName: node.relation_name ?? null,
    compiledSql: node.compiled_code ?? null,
    defaultPrimaryKey,
  };
}

export function findDbtModel(manifest: DbtManifest, uniqueId: string): DbtModel {
  const model = listDbtModels(manifest).find((m) => m.uniqueId === uniqueId);
  if (!model) {
    throw new SynclineError(ErrorCode.BadUserInput, `The dbt manifest has no model ${uniqueId}`, {
      details: { uniqueId },
    });
  }
  return model;
}

/** The SQL a dbt model runs as: its materialized relation, or its compiled SQL (ephemeral models). */
export function dbtModelSql(model: DbtModel, use: DbtQuerySource): string {
  if (use === 'relation') {
    if (!model.relationName || model.materialized === 'ephemeral') {
      throw new SynclineError(
        ErrorCode.BadUserInput,
        `dbt model ${model.name} has no relation in the warehouse (ephemeral); use its compiled SQL instead`,
      );
    }
    return `SELECT * FROM ${model.relationName}`;
  }
  if (!model.compiledSql) {
    throw new SynclineError(
      ErrorCode.BadUserInput,
      `dbt model ${model.name} has no compiled SQL in this manifest: run dbt compile and give the new manifest`,
    );
  }
  return model.compiledSql;
}
