/**
 * The Customer Studio schema as the compiler sees it: models with their discovered columns and roles, and the
 * relationships between them. Every identifier the compiler writes comes from here (discovered from the
 * warehouse), never from an audience definition's free text.
 */
import type { Column } from '@syncline/domain';

export type SchemaRole = 'parent' | 'related' | 'event';
export const SCHEMA_ROLES: readonly SchemaRole[] = ['parent', 'related', 'event'];

export type Cardinality = 'one-to-one' | 'one-to-many' | 'many-to-one' | 'many-to-many';
export const CARDINALITIES: readonly Cardinality[] = [
  'one-to-one',
  'one-to-many',
  'many-to-one',
  'many-to-many',
];

export interface SchemaModel {
  /** The model's id: a model has at most one role in the schema. */
  modelId: string;
  name: string;
  sourceId: string;
  role: SchemaRole;
  sql: string;
  primaryKey: string;
  /** Columns discovered through the source connector when the schema was last validated. */
  columns: Column[];
  /** Parent: the column shown as a member's label. */
  labelColumn?: string | null;
  /** Parent: columns never shown in previews, samples or breakdowns (still synced). */
  redactedColumns?: string[];
  /** Event: when the event happened (required for events). */
  timestampColumn?: string | null;
  /** Event: the event's name (page_view, purchase, …), when the model holds several kinds. */
  eventTypeColumn?: string | null;
}

export interface ColumnPair {
  from: string;
  to: string;
}

export interface Relationship {
  id: string;
  fromModelId: string;
  toModelId: string;
  cardinality: Cardinality;
  /** Columns of the from model = columns of the to model (or of the through model for many-to-many). */
  joins: ColumnPair[];
  /** Many-to-many only: the join model, with its columns = the to model's columns. */
  through?: { modelId: string; joins: ColumnPair[] } | null;
}

export interface AudienceSchema {
  models: ReadonlyMap<string, SchemaModel>;
  relationships: ReadonlyMap<string, Relationship>;
}

export function buildSchema(models: SchemaModel[], relationships: Relationship[]): AudienceSchema {
  return {
    models: new Map(models.map((m) => [m.modelId, m])),
    relationships: new Map(relationships.map((r) => [r.id, r])),
  };
}
