/**
 * A trait: one value per parent row computed over a related or event model (optionally over the rows
 * matching conditions), e.g. lifetime purchases or last page seen. Traits are columns of every audience of
 * their parent (usable in sync mappings and previews) and can be compared in conditions like properties.
 */
import { z } from 'zod';
import type { Condition } from '../conditions/condition-types';
import { conditionSchema } from '../conditions/condition-schema';

export const TRAIT_AGGREGATIONS = [
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'first',
  'last',
  'most_frequent',
  'distinct_list',
] as const;
export type TraitAggregation = (typeof TRAIT_AGGREGATIONS)[number];

/** What a trait computes; `column` is required except for count, `orderBy` for first / last of non-events. */
export interface TraitDefinition {
  relationshipId: string;
  aggregation: TraitAggregation;
  column?: string;
  orderBy?: string;
  conditions?: Condition[];
}

export interface Trait extends TraitDefinition {
  id: string;
  /** The trait's column name in audience models. */
  name: string;
  parentModelId: string;
}

/** Trait names become column names in every warehouse: plain identifiers only. */
export const TRAIT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export const traitDefinitionSchema: z.ZodType<TraitDefinition> = z.strictObject({
  relationshipId: z.string().min(1).max(200),
  aggregation: z.enum(TRAIT_AGGREGATIONS),
  column: z.string().min(1).max(200).optional(),
  orderBy: z.string().min(1).max(200).optional(),
  conditions: z.array(conditionSchema).max(200).optional(),
});
