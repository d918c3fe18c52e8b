/**
 * The queries behind audience insights. Each is one statement over the parent with the audience's key-set
 * joins, so sizes, funnels and overlaps cost one pass over the parent plus one aggregate per related
 * condition; samples compute traits only for the sampled members.
 */
import { ErrorCode } from '@syncline/errors';
import type { CompileInput } from '../compiler/compile-context';
import {
  compileRoot,
  fromClause,
  newContext,
  PARENT_ALIAS,
  parentScope,
  splitGroupExpression,
  traitColumns,
  type AudienceSpec,
} from '../compiler/compile-audience';
import { traitJoin } from '../compiler/compile-trait';
import { SPLIT_GROUP_COLUMN } from '../splits/split-groups';

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/** `SELECT COUNT(*) AS "n"` of the members. */
export function countSql(spec: AudienceSpec, input: CompileInput): string {
  const ctx = newContext(input);
  const scope = parentScope(ctx, spec.parentModelId);
  const { root } = compileRoot(ctx, spec, scope);
  ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  return `SELECT COUNT(*) AS ${ctx.dialect.ident('n')} FROM ${fromClause(scope)} WHERE ${root.sql}`;
}

/**
 * One row: "total" (parent rows), "size" (members) and "step1"… (members after the first 1, 2, … top-level
 * conditions, combined with the root's AND / OR).
 */
export function funnelSql(spec: AudienceSpec, input: CompileInput): string {
  const ctx = newContext(input);
  const scope = parentScope(ctx, spec.parentModelId);
  const { root, steps } = compileRoot(ctx, spec, scope);
  ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  const op = spec.conditions.type === 'and' ? ' AND ' : ' OR ';
  const id = ctx.dialect.ident;
  const items = [
    `COUNT(*) AS ${id('total')}`,
    `SUM(${flag(root.sql)}) AS ${id('size')}`,
    ...steps.map((_, i) => {
      const upTo = steps.slice(0, i + 1).map((s) => s.sql);
      return `SUM(${flag(upTo.length === 1 ? upTo[0]! : `(${upTo.join(op)})`)}) AS ${id(`step${i + 1}`)}`;
    }),
  ];
  return `SELECT ${items.join(', ')} FROM ${fromClause(scope)}`;
}

/** Up to `limit` members with their non-redacted columns, traits and split group. */
export function sampleSql(
  spec: AudienceSpec,
  input: CompileInput,
  redacted: readonly string[],
  limit = 100,
): string {
  const ctx = newContext(input);
  const inner = parentScope(ctx, spec.parentModelId);
  const { root } = compileRoot(ctx, spec, inner);
  const d = ctx.dialect;
  const sample = d.ident('sample');
  const members = `SELECT ${PARENT_ALIAS}.* FROM ${fromClause(inner)} WHERE ${root.sql} LIMIT ${limit}`;
  // The outer scope reads the sampled members; trait aggregates only read rows of those members.
  const outer = { ...inner, joins: [], model: { ...inner.model, sql: `SELECT * FROM ${sample}` } };
  const sampled = newContext(input);
  sampled.keyFilter = (rows) => {
    const s = ctx.alias('s');
    const on = rows.outerColumns.map((c, i) => `${s}.${d.ident(c)} = ${rows.keys[i]}`).join(' AND ');
    return `EXISTS (SELECT 1 FROM ${sample} ${s} WHERE ${on})`;
  };
  const shown = inner.model.columns.filter((c) => !redacted.includes(c.name));
  const select = [...shown.map((c) => sampled.col(outer, c.name)), ...traitColumns(sampled, outer)];
  if (spec.splits && spec.splits.length > 0)
    select.push(
      `${splitGroupExpression(sampled, outer, spec.id, spec.splits)} AS ${d.ident(SPLIT_GROUP_COLUMN)}`,
    );
  ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  sampled.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  return `WITH ${sample} AS (${members}) SELECT ${select.join(', ')} FROM ${fromClause(outer)}`;
}

/** Members of `a` only, of `b` only and of both (two audiences of one parent). */
export function overlapSql(a: AudienceSpec, b: AudienceSpec, input: CompileInput): string {
  const ctx = newContext(input);
  const scope = parentScope(ctx, a.parentModelId);
  const inA = compileRoot(ctx, a, scope).root.sql;
  const inB = compileRoot(ctx, b, scope).root.sql;
  ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid audience definition');
  const id = ctx.dialect.ident;
  return [
    `SELECT SUM(CASE WHEN ${inA} THEN ${flag(`NOT COALESCE(${inB}, FALSE)`)} ELSE 0 END) AS ${id('a_only')},`,
    ` SUM(CASE WHEN ${inB} THEN ${flag(`NOT COALESCE(${inA}, FALSE)`)} ELSE 0 END) AS ${id('b_only')},`,
    ` SUM(CASE WHEN ${inA} THEN ${flag(inB)} ELSE 0 END) AS ${id('both')}`,
    ` FROM ${fromClause(scope)}`,
  ].join('');
}

/**
 * Member counts by the value of a parent column, a trait or the split group: the `limit` largest.
 * `column` must already be checked not to be redacted.
 */
export function breakdownSql(spec: AudienceSpec, input: CompileInput, column: string, limit = 20): string {
  const ctx = newContext(input);
  const scope = parentScope(ctx, spec.parentModelId);
  const { root } = compileRoot(ctx, spec, scope);
  const trait = [...input.traits.values()].find(
    (t) => t.parentModelId === spec.parentModelId && t.name === column,
  );
  let expr: string | undefined;
  if (column === SPLIT_GROUP_COLUMN && spec.splits && spec.splits.length > 0)
    expr = splitGroupExpression(ctx, scope, spec.id, spec.splits);
  else if (trait) expr = traitJoin(ctx, scope, trait, ['column'])?.expr;
  else if (scope.model.columns.some((c) => c.name === column)) expr = ctx.col(scope, column);
  if (!expr)
    ctx.problems.add(['column'], `"${column}" is not a column, trait or split group of ${scope.model.name}`);
  ctx.problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid breakdown');
  const id = ctx.dialect.ident;
  return (
    `SELECT ${expr} AS ${id('value')}, COUNT(*) AS ${id('n')} FROM ${fromClause(scope)} WHERE ${root.sql}` +
    ` GROUP BY ${expr} ORDER BY ${id('n')} DESC, ${id('value')} LIMIT ${limit}`
  );
}
