/**
 * zod schemas of the condition tree: its shape, node types and operators. What depends on the schema (does
 * the column exist, is the operator valid for its type, is the value usable) is checked afterwards by
 * validateConditions, with the same node paths.
 */
import { z } from 'zod';
import {
  CONDITION_TREE_VERSION,
  PROPERTY_OPERATORS,
  type Condition,
  type ConditionTree,
  type CountFilter,
  type EventStep,
  type PropertyOperator,
  type TimeWindow,
} from './condition-types';

const days = z.number().int().min(0).max(36_500);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const id = z.string().min(1).max(200);
const scalar = z.union([z.string().max(10_000), z.number(), z.boolean()]);
const value = z.union([scalar, z.array(z.union([z.string().max(10_000), z.number()])).max(1_000)]);
const operator = z.enum(PROPERTY_OPERATORS as [PropertyOperator, ...PropertyOperator[]]);

export const countFilterSchema: z.ZodType<CountFilter> = z.strictObject({
  operator: z.enum(['at_least', 'at_most', 'exactly']),
  value: z.number().int().min(0).max(1_000_000_000),
});

export const timeWindowSchema: z.ZodType<TimeWindow> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('any') }),
  z.strictObject({ type: z.literal('within_last_days'), days }),
  z.strictObject({ type: z.literal('between_days_ago'), from: days, to: days }),
  z.strictObject({ type: z.literal('before'), date: isoDate }),
  z.strictObject({ type: z.literal('after'), date: isoDate }),
  z.strictObject({ type: z.literal('between_dates'), from: isoDate, to: isoDate }),
]);

const not = z.boolean().optional();
const nested = (): z.ZodType<Condition[]> => z.array(conditionSchema).max(200);

const stepSchema: z.ZodType<EventStep> = z.strictObject({
  eventType: z.string().max(1_000).optional(),
  get conditions() {
    return nested().optional();
  },
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.enum(['and', 'or']), not, conditions: nested() }),
    z.strictObject({ type: z.literal('property'), not, column: id, operator, value: value.optional() }),
    z.strictObject({
      type: z.literal('relation'),
      not,
      relationshipId: id,
      count: countFilterSchema.optional(),
      conditions: nested().optional(),
    }),
    z.strictObject({
      type: z.literal('event'),
      not,
      relationshipId: id,
      eventType: z.string().max(1_000).optional(),
      count: countFilterSchema.optional(),
      window: timeWindowSchema.optional(),
      conditions: nested().optional(),
    }),
    z.strictObject({
      type: z.literal('event_sequence'),
      not,
      relationshipId: id,
      first: stepSchema,
      then: stepSchema,
      withinDays: days.min(1),
      thenAbsent: z.boolean().optional(),
      window: timeWindowSchema.optional(),
    }),
    z.strictObject({ type: z.literal('audience'), not, audienceId: id }),
    z.strictObject({ type: z.literal('trait'), not, traitId: id, operator, value: value.optional() }),
  ]),
);

export const conditionTreeSchema: z.ZodType<ConditionTree> = z.strictObject({
  version: z.literal(CONDITION_TREE_VERSION, {
    error: `version must be ${CONDITION_TREE_VERSION} (the condition tree format this Syncline reads)`,
  }),
  type: z.enum(['and', 'or']),
  not,
  conditions: nested(),
});
