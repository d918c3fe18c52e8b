/**
 * The kinds of model a user can write and what each stores. Every kind resolves to one SQL statement when it
 * is saved (stored in the model's `sql`), so the worker's plan and the API's preview run the same thing.
 */
export type ModelKind = 'sql' | 'table' | 'dbt';
export const MODEL_KINDS: readonly ModelKind[] = ['sql', 'table', 'dbt'];

export interface TableModelDefinition {
  schema: string;
  table: string;
}

/** Which dbt artefact becomes the query: the materialized relation, or the model's compiled SQL. */
export type DbtQuerySource = 'relation' | 'compiled';

export interface DbtModelDefinition {
  uniqueId: string;
  /** Where the manifest was read from; absent when it was uploaded. */
  manifestPath?: string;
  use: DbtQuerySource;
}

export type ModelDefinition =
  { kind: 'sql' } | ({ kind: 'table' } & TableModelDefinition) | ({ kind: 'dbt' } & DbtModelDefinition);
