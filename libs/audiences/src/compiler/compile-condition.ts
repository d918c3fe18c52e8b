/**
 * Compiles one node of the condition tree in a scope (the parent, or a related model's rows). NOT is pushed
 * down to the leaves (negation normal form), where each leaf knows its exact complement: the warehouse sees
 * plain joins, anti-joins and comparisons rather than NOT around subqueries.
 */
import type { Condition, GroupCondition } from '../conditions/condition-types';
import type { Path } from '../errors';
import { type CompileContext, type Compiled, type Scope } from './compile-context';
import { compareOperand } from './compile-operand';
import { compileEvent, compileRelation, compileSequence } from './compile-related';
import { traitOperand } from './compile-trait';

export function compileCondition(ctx: CompileContext, node: Condition, scope: Scope, path: Path): Compiled {
  const c = compilePositive(ctx, node, scope, path);
  return node.not ? { sql: c.negated, negated: c.sql } : c;
}

/** AND / OR of a node's children; also the root of an audience (`compileGroup`). */
export function compileGroup(
  ctx: CompileContext,
  node: Pick<GroupCondition, 'type' | 'conditions'>,
  scope: Scope,
  path: Path,
): Compiled {
  const parts = node.conditions.map((c, i) => compileCondition(ctx, c, scope, [...path, 'conditions', i]));
  return combine(node.type, parts);
}

export function combine(type: 'and' | 'or', parts: Compiled[]): Compiled {
  const join = (items: string[], op: string, empty: string) =>
    items.length === 0 ? empty : items.length === 1 ? items[0]! : `(${items.join(` ${op} `)})`;
  const and = type === 'and';
  return {
    sql: join(
      parts.map((p) => p.sql),
      and ? 'AND' : 'OR',
      and ? '(1 = 1)' : '(1 = 0)',
    ),
    // De Morgan: the complement of AND is the OR of the complements.
    negated: join(
      parts.map((p) => p.negated),
      and ? 'OR' : 'AND',
      and ? '(1 = 0)' : '(1 = 1)',
    ),
  };
}

function compilePositive(ctx: CompileContext, node: Condition, scope: Scope, path: Path): Compiled {
  switch (node.type) {
    case 'and':
    case 'or':
      return compileGroup(ctx, node, scope, path);
    case 'property': {
      const column = scope.model.columns.find((c) => c.name === node.column);
      if (!column) {
        ctx.problems.add(
          [...path, 'column'],
          `${scope.model.name} has no column "${node.column}" (columns: ${scope.model.columns.map((c) => c.name).join(', ')})`,
        );
        return { sql: '(1 = 0)', negated: '(1 = 1)' };
      }
      return compareOperand(ctx, ctx.columnOperand(scope, column), node.operator, node.value, path);
    }
    case 'trait': {
      const operand = traitOperand(ctx, scope, node.traitId, path);
      if (!operand) return { sql: '(1 = 0)', negated: '(1 = 1)' };
      return compareOperand(ctx, operand, node.operator, node.value, path);
    }
    case 'relation':
      return compileRelation(ctx, node, scope, path);
    case 'event':
      return compileEvent(ctx, node, scope, path);
    case 'event_sequence':
      return compileSequence(ctx, node, scope, path);
    case 'audience':
      return compileMembership(ctx, node.audienceId, scope, path);
  }
}

/** Membership of another audience of the same parent: its conditions, inlined on the same rows. */
function compileMembership(ctx: CompileContext, audienceId: string, scope: Scope, path: Path): Compiled {
  const never = { sql: '(1 = 0)', negated: '(1 = 1)' };
  const at = [...path, 'audienceId'];
  const other = ctx.input.audiences.get(audienceId);
  if (!scope.isParent) {
    ctx.problems.add(at, 'audience membership applies to the parent model only');
    return never;
  }
  if (!other) {
    ctx.problems.add(at, `no audience ${audienceId} in this workspace`);
    return never;
  }
  if (other.parentModelId !== scope.model.modelId) {
    ctx.problems.add(at, `audience "${other.name}" is built on another parent model`);
    return never;
  }
  if (ctx.visiting.includes(audienceId)) {
    const names = [...ctx.visiting, audienceId].map((id) => ctx.input.audiences.get(id)?.name ?? id);
    ctx.problems.add(at, `audience membership cycle: ${names.join(' → ')}`);
    return never;
  }
  ctx.visiting.push(audienceId);
  const inner = compileGroup(ctx, other.conditions, scope, [`audience "${other.name}"`]);
  ctx.visiting.pop();
  return other.conditions.not ? { sql: inner.negated, negated: inner.sql } : inner;
}
