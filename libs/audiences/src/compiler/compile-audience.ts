/**
 * The entry points of the compiler: an audience's SQL (its model's query: the parent's columns, every trait
 * of the parent, the split group) and the compiled parts insights assemble into counts, funnels and overlaps.
 */
import { ErrorCode } from '@syncline/errors';
import type { ConditionTree } from '../conditions/condition-types';
import type { Path } from '../errors';
import { bucketRanges, SPLIT_GROUP_COLUMN, type SplitGroup } from '../splits/split-groups';
import { CompileContext, type CompileInput, type Compiled, type Scope } from './compile-context';
import { combine, compileCondition } from './compile-condition';
import { traitJoin } from './compile-trait';

export interface AudienceSpec {
  /** The audience's id (its model id): salts the split hash and detects membership cycles. */
  id: string;
  name: string;
  parentModelId: string;
  conditions: ConditionTree;
  splits?: readonly SplitGroup[] | null;
}

export const PARENT_ALIAS = 'p';

export function newContext(input: CompileInput): CompileContext {
  return new CompileContext(input, compileCondition);
}

export function parentScope(ctx: CompileContext, parentModelId: string): Scope {
  const model = ctx.input.schema.models.get(parentModelId);
  if (!model || model.role !== 'parent') {
    ctx.problems.add(['parentModelId'], `model ${parentModelId} is not a parent model of the schema`);
    ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  }
  return { alias: PARENT_ALIAS, model: model!, joins: [], isParent: true };
}

export interface CompiledRoot {
  /** The whole tree. */
  root: Compiled;
  /** Each top-level condition on its own (the funnel's steps). */
  steps: Compiled[];
}

/** Compiles an audience's tree on the parent scope (joins are added to `scope`). */
export function compileRoot(
  ctx: CompileContext,
  spec: AudienceSpec,
  scope: Scope,
  path: Path = [],
): CompiledRoot {
  ctx.visiting.push(spec.id);
  const steps = spec.conditions.conditions.map((c, i) =>
    compileCondition(ctx, c, scope, [...path, 'conditions', i]),
  );
  ctx.visiting.pop();
  const all = combine(spec.conditions.type, steps);
  return { root: spec.conditions.not ? { sql: all.negated, negated: all.sql } : all, steps };
}

export function fromClause(scope: Scope): string {
  const joins = scope.joins.length > 0 ? ` ${scope.joins.join(' ')}` : '';
  return `(${scope.model.sql}) ${scope.alias}${joins}`;
}

/** The split group of each member: cumulative bucket ranges of md5(audience id, key). */
export function splitGroupExpression(
  ctx: CompileContext,
  scope: Scope,
  audienceId: string,
  groups: readonly SplitGroup[],
): string {
  const d = ctx.dialect;
  const bucket = d.splitBucket(d.keyText(ctx.col(scope, scope.model.primaryKey)), d.string(`${audienceId}:`));
  const ranges = bucketRanges(groups);
  const whens = ranges.slice(0, -1).map((r) => `WHEN ${bucket} < ${r.end} THEN ${d.string(r.group.name)}`);
  return `CASE ${whens.join(' ')} ELSE ${d.string(ranges[ranges.length - 1]!.group.name)} END`;
}

/** Trait columns of every audience of the parent, by name (validated not to shadow a parent column). */
export function traitColumns(ctx: CompileContext, scope: Scope): string[] {
  const names = new Set(scope.model.columns.map((c) => c.name.toLowerCase()));
  const traits = [...ctx.input.traits.values()]
    .filter((t) => t.parentModelId === scope.model.modelId)
    .sort((a, b) => a.name.localeCompare(b.name));
  return traits.flatMap((trait) => {
    const at = [`trait "${trait.name}"`, 'name'];
    if (names.has(trait.name.toLowerCase()) || trait.name.toLowerCase() === SPLIT_GROUP_COLUMN) {
      ctx.problems.add(at, `"${trait.name}" is already a column of ${scope.model.name}`);
      return [];
    }
    names.add(trait.name.toLowerCase());
    const operand = traitJoin(ctx, scope, trait, [`trait "${trait.name}"`]);
    return operand ? [`${operand.expr} AS ${ctx.dialect.ident(trait.name)}`] : [];
  });
}

/** The SQL of an audience's model. Throws INVALID_AUDIENCE with every problem's node path. */
export function compileAudienceSql(spec: AudienceSpec, input: CompileInput): string {
  const ctx = newContext(input);
  const scope = parentScope(ctx, spec.parentModelId);
  const { root } = compileRoot(ctx, spec, scope);
  const select = [`${PARENT_ALIAS}.*`, ...traitColumns(ctx, scope)];
  if (spec.splits && spec.splits.length > 0)
    select.push(
      `${splitGroupExpression(ctx, scope, spec.id, spec.splits)} AS ${ctx.dialect.ident(SPLIT_GROUP_COLUMN)}`,
    );
  ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  return `SELECT ${select.join(', ')} FROM ${fromClause(scope)} WHERE ${root.sql}`;
}
