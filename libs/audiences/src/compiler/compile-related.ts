/**
 * Relation, event and event-sequence conditions: each is a key set of the related rows that match, joined to
 * the scope (see related-rows.ts). Nested conditions apply to the related model's rows, with the same rules.
 */
import type {
  Condition,
  EventCondition,
  EventSequenceCondition,
  EventStep,
  RelationCondition,
} from '../conditions/condition-types';
import type { Path } from '../errors';
import type { CompileContext, Compiled, Scope } from './compile-context';
import { compileWindow } from './compile-date-test';
import { keySetCondition, relatedRows, requireColumn, type RelatedRows } from './related-rows';

const NEVER: Compiled = { sql: '(1 = 0)', negated: '(1 = 1)' };

export function nestedFilters(
  ctx: CompileContext,
  conditions: Condition[] | undefined,
  scope: Scope,
  at: Path,
) {
  return (conditions ?? []).map((c, i) => ctx.nested(ctx, c, scope, [...at, i]).sql);
}

export function compileRelation(
  ctx: CompileContext,
  node: RelationCondition,
  scope: Scope,
  path: Path,
): Compiled {
  const rows = relatedRows(ctx, scope, node.relationshipId, path);
  if (!rows) return NEVER;
  const filters = nestedFilters(ctx, node.conditions, rows.scope, [...path, 'conditions']);
  return keySetCondition(ctx, scope, rows, filters, node.count);
}

/** Filters of one event step: its name, its own conditions. */
function stepFilters(ctx: CompileContext, rows: RelatedRows, step: EventStep, at: Path): string[] {
  const model = rows.scope.model;
  const filters: string[] = [];
  if (step.eventType !== undefined) {
    const typeColumn = requireColumn(ctx, model, model.eventTypeColumn, [...at, 'eventType'], 'event type');
    if (typeColumn)
      filters.push(`${ctx.col(rows.scope, typeColumn.name)} = ${ctx.dialect.string(step.eventType)}`);
    if (step.eventType.includes('\u0000'))
      ctx.problems.add([...at, 'eventType'], 'must not contain NUL characters');
  }
  return [...filters, ...nestedFilters(ctx, step.conditions, rows.scope, [...at, 'conditions'])];
}

function timestampOperand(ctx: CompileContext, rows: RelatedRows, at: Path) {
  const model = rows.scope.model;
  const column = requireColumn(ctx, model, model.timestampColumn, at, 'timestamp');
  return column ? ctx.columnOperand(rows.scope, column) : undefined;
}

export function compileEvent(ctx: CompileContext, node: EventCondition, scope: Scope, path: Path): Compiled {
  const rows = relatedRows(ctx, scope, node.relationshipId, path, { expectEvent: true });
  if (!rows) return NEVER;
  const filters = stepFilters(ctx, rows, node, path);
  if (node.window && node.window.type !== 'any') {
    const ts = timestampOperand(ctx, rows, [...path, 'window']);
    const window = ts && compileWindow(ctx, ts, node.window, [...path, 'window']);
    if (window) filters.push(window);
  }
  return keySetCondition(ctx, scope, rows, filters, node.count);
}

/**
 * Event A, then event B at most N days later (or no such B). The second event is a correlated EXISTS on the
 * same member's events inside the key set, which planners run as a semi-join (anti-join for "no B").
 */
export function compileSequence(
  ctx: CompileContext,
  node: EventSequenceCondition,
  scope: Scope,
  path: Path,
): Compiled {
  const first = relatedRows(ctx, scope, node.relationshipId, path, { expectEvent: true, direct: true });
  const second = relatedRows(ctx, scope, node.relationshipId, path, { expectEvent: true, direct: true });
  if (!first || !second) return NEVER;
  const filters = stepFilters(ctx, first, node.first, [...path, 'first']);
  const aTs = timestampOperand(ctx, first, path);
  const bTs = timestampOperand(ctx, second, path);
  if (!aTs || !bTs) return NEVER;
  if (node.window && node.window.type !== 'any') {
    const window = compileWindow(ctx, aTs, node.window, [...path, 'window']);
    if (window) filters.push(window);
  }
  const sameMember = second.keys.map((k, i) => `${k} = ${first.keys[i]}`);
  const within = [
    `${bTs.expr} > ${aTs.expr}`,
    `${bTs.expr} <= ${ctx.dialect.addDays(aTs.expr, node.withinDays, aTs.timeKind)}`,
  ];
  const thenFilters = stepFilters(ctx, second, node.then, [...path, 'then']);
  const joins = second.scope.joins.length > 0 ? ` ${second.scope.joins.join(' ')}` : '';
  const exists = `EXISTS (SELECT 1 FROM ${second.from}${joins} WHERE ${[...sameMember, ...within, ...thenFilters].join(' AND ')})`;
  filters.push(node.thenAbsent ? `NOT ${exists}` : exists);
  return keySetCondition(ctx, scope, first, filters, undefined);
}
