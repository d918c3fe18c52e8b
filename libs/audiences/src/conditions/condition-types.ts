/**
 * The condition tree of an audience (JSON, versioned): AND / OR groups nested to any depth, NOT on any node,
 * and leaf conditions on the parent's properties, related rows, events, event sequences, other audiences and
 * traits. Conditions nested in a relation or an event apply to that related model's rows.
 */
export const CONDITION_TREE_VERSION = 1;

export const TEXT_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'in',
  'not_in',
] as const;
export const NUMBER_OPERATORS = ['equals', 'not_equals', 'lt', 'lte', 'gt', 'gte', 'between'] as const;
export const BOOLEAN_OPERATORS = ['is_true', 'is_false'] as const;
export const DATE_OPERATORS = [
  'before',
  'after',
  'on',
  'between_dates',
  'more_than_days_ago',
  'less_than_days_ago',
  'exactly_days_ago',
  'within_last_days',
  'between_days_ago',
] as const;
export const ARRAY_OPERATORS = ['contains_any', 'contains_all'] as const;
export const ANY_OPERATORS = ['is_null', 'is_not_null'] as const;

export const PROPERTY_OPERATORS = [
  ...new Set([
    ...TEXT_OPERATORS,
    ...NUMBER_OPERATORS,
    ...BOOLEAN_OPERATORS,
    ...DATE_OPERATORS,
    ...ARRAY_OPERATORS,
    ...ANY_OPERATORS,
  ]),
] as [string, ...string[]];

export type PropertyOperator =
  | (typeof TEXT_OPERATORS)[number]
  | (typeof NUMBER_OPERATORS)[number]
  | (typeof BOOLEAN_OPERATORS)[number]
  | (typeof DATE_OPERATORS)[number]
  | (typeof ARRAY_OPERATORS)[number]
  | (typeof ANY_OPERATORS)[number];

/** A scalar compared with a column: a string, a number (or an exact decimal as a string), a boolean. */
export type ConditionValue = string | number | boolean | (string | number)[];

export interface CountFilter {
  operator: 'at_least' | 'at_most' | 'exactly';
  value: number;
}

export type TimeWindow =
  | { type: 'any' }
  | { type: 'within_last_days'; days: number }
  | { type: 'between_days_ago'; from: number; to: number }
  | { type: 'before'; date: string }
  | { type: 'after'; date: string }
  | { type: 'between_dates'; from: string; to: string };

interface Negatable {
  /** NOT on this node: the exact complement of the node (members for whom it is false or unknown). */
  not?: boolean;
}

export interface GroupCondition extends Negatable {
  type: 'and' | 'or';
  conditions: Condition[];
}

export interface PropertyCondition extends Negatable {
  type: 'property';
  column: string;
  operator: PropertyOperator;
  value?: ConditionValue;
}

export interface RelationCondition extends Negatable {
  type: 'relation';
  relationshipId: string;
  /** How many related rows must match; default at least 1. */
  count?: CountFilter;
  /** AND-ed conditions on the related rows. */
  conditions?: Condition[];
}

export interface EventCondition extends Negatable {
  type: 'event';
  relationshipId: string;
  /** The event's name in the event model's event-type column. */
  eventType?: string;
  count?: CountFilter;
  window?: TimeWindow;
  conditions?: Condition[];
}

export interface EventStep {
  eventType?: string;
  conditions?: Condition[];
}

export interface EventSequenceCondition extends Negatable {
  type: 'event_sequence';
  relationshipId: string;
  first: EventStep;
  then: EventStep;
  /** The second event happens after the first, at most this many days later. */
  withinDays: number;
  /** True: the first event and then *no* second event within the days. */
  thenAbsent?: boolean;
  /** When the first event happened. */
  window?: TimeWindow;
}

export interface AudienceMembershipCondition extends Negatable {
  type: 'audience';
  audienceId: string;
}

export interface TraitCondition extends Negatable {
  type: 'trait';
  traitId: string;
  operator: PropertyOperator;
  value?: ConditionValue;
}

export type Condition =
  | GroupCondition
  | PropertyCondition
  | RelationCondition
  | EventCondition
  | EventSequenceCondition
  | AudienceMembershipCondition
  | TraitCondition;

/** The stored root of an audience: a group with the tree's format version. */
export interface ConditionTree extends GroupCondition {
  version: typeof CONDITION_TREE_VERSION;
}
