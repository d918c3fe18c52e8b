/**
 * Rows of a related model keyed by the columns that join them to the current scope, and the pre-aggregated
 * "key set" joins relation, event and sequence conditions compile to: a LEFT JOIN of
 * `SELECT keys … GROUP BY keys [HAVING count]` on the scope, tested with IS [NOT] NULL. Each key set is one
 * hash aggregate the planner can join (or anti-join) whatever the nesting, instead of a subquery per row.
 */
import type { CountFilter } from '../conditions/condition-types';
import type { Path } from '../errors';
import type { Relationship, SchemaModel } from '../schema/schema-types';
import { ALWAYS, type CompileContext, type Compiled, type Scope } from './compile-context';

export interface RelatedRows {
  /** The related model's rows, to which conditions apply. */
  scope: Scope;
  relationship: Relationship;
  /** FROM clause (target, or through + target); the scope's joins go after it. */
  from: string;
  /** Expressions of the key columns, in the order of the relationship's joins. */
  keys: string[];
  /** The scope's own columns the keys match. */
  outerColumns: string[];
}

/** Resolves a relationship from `outer` and opens a scope on its target; undefined (with a problem) if unusable. */
export function relatedRows(
  ctx: CompileContext,
  outer: Scope,
  relationshipId: string,
  at: Path,
  options: { expectEvent?: boolean; direct?: boolean } = {},
): RelatedRows | undefined {
  const relationship = ctx.input.schema.relationships.get(relationshipId);
  if (!relationship) {
    ctx.problems.add([...at, 'relationshipId'], `no relationship ${relationshipId} in the schema`);
    return undefined;
  }
  if (relationship.fromModelId !== outer.model.modelId) {
    ctx.problems.add(
      [...at, 'relationshipId'],
      `relationship ${relationshipId} does not start at ${outer.model.name}`,
    );
    return undefined;
  }
  const target = ctx.input.schema.models.get(relationship.toModelId);
  if (!target) {
    ctx.problems.add(
      [...at, 'relationshipId'],
      `the model of relationship ${relationshipId} is not in the schema`,
    );
    return undefined;
  }
  if (options.expectEvent && target.role !== 'event') {
    ctx.problems.add([...at, 'relationshipId'], `${target.name} is not an event model`);
    return undefined;
  }
  if (options.direct && relationship.through) {
    ctx.problems.add(
      [...at, 'relationshipId'],
      'event sequences need a direct (not many-to-many) relationship',
    );
    return undefined;
  }
  const scope: Scope = { alias: ctx.alias('r'), model: target, joins: [], isParent: false };
  const targetFrom = `(${target.sql}) ${scope.alias}`;
  const outerColumns = relationship.joins.map((j) => j.from);
  const through = relationship.through;
  if (!through) {
    return {
      scope,
      relationship,
      from: targetFrom,
      keys: relationship.joins.map((j) => ctx.col(scope, j.to)),
      outerColumns,
    };
  }
  const throughModel = ctx.input.schema.models.get(through.modelId);
  if (!throughModel) {
    ctx.problems.add([...at, 'relationshipId'], 'the join model of the relationship is not in the schema');
    return undefined;
  }
  const j = { alias: ctx.alias('j') };
  const on = through.joins.map((p) => `${ctx.col(scope, p.to)} = ${ctx.col(j, p.from)}`).join(' AND ');
  return {
    scope,
    relationship,
    from: `(${throughModel.sql}) ${j.alias} JOIN ${targetFrom} ON ${on}`,
    keys: relationship.joins.map((p) => ctx.col(j, p.to)),
    outerColumns,
  };
}

/** `SELECT keys AS k1… FROM … WHERE keys not null AND filters` (+ extra select items, GROUP BY, HAVING). */
export function keyedSelect(
  ctx: CompileContext,
  rows: RelatedRows,
  filters: string[],
  tail: { select?: string[]; groupBy?: boolean; having?: string } = {},
): string {
  const keyNames = rows.keys.map((_, i) => ctx.dialect.ident(`k${i + 1}`));
  const select = [...rows.keys.map((k, i) => `${k} AS ${keyNames[i]}`), ...(tail.select ?? [])];
  const where = [...rows.keys.map((k) => `${k} IS NOT NULL`), ...filters];
  const joins = rows.scope.joins.length > 0 ? ` ${rows.scope.joins.join(' ')}` : '';
  return [
    `SELECT ${select.join(', ')} FROM ${rows.from}${joins} WHERE ${where.join(' AND ')}`,
    tail.groupBy ? ` GROUP BY ${rows.keys.join(', ')}` : '',
    tail.having ? ` HAVING ${tail.having}` : '',
  ].join('');
}

/** LEFT JOINs `subquery` on `outer` by the relationship's columns; returns the join's alias. */
export function joinOnKeys(
  ctx: CompileContext,
  outer: Scope,
  rows: RelatedRows,
  subquery: string,
  prefix: string,
): string {
  const alias = ctx.alias(prefix);
  const on = rows.outerColumns
    .map((c, i) => `${alias}.${ctx.dialect.ident(`k${i + 1}`)} = ${ctx.col(outer, c)}`)
    .join(' AND ');
  outer.joins.push(`LEFT JOIN (${subquery}) ${alias} ON ${on}`);
  return alias;
}

/**
 * The parent has related rows matching `filters`, counted per the filter. Every count becomes "in the key
 * set" or "not in the key set" of a HAVING, so the planner sees plain (anti-)joins.
 */
export function keySetCondition(
  ctx: CompileContext,
  outer: Scope,
  rows: RelatedRows,
  filters: string[],
  count: CountFilter | undefined,
): Compiled {
  const { operator, value } = count ?? { operator: 'at_least', value: 1 };
  let inSet: boolean;
  let having: string | undefined;
  if (operator === 'at_least') {
    if (value <= 0) return ALWAYS;
    inSet = true;
    having = value > 1 ? `COUNT(*) >= ${value}` : undefined;
  } else if (operator === 'at_most') {
    inSet = false;
    having = value > 0 ? `COUNT(*) > ${value}` : undefined;
  } else {
    inSet = value > 0;
    having = value > 0 ? `COUNT(*) = ${value}` : undefined;
  }
  const alias = joinOnKeys(ctx, outer, rows, keyedSelect(ctx, rows, filters, { groupBy: true, having }), 'k');
  const key = `${alias}.${ctx.dialect.ident('k1')}`;
  const present = `${key} IS NOT NULL`;
  const absent = `${key} IS NULL`;
  return inSet ? { sql: present, negated: absent } : { sql: absent, negated: present };
}

export function requireColumn(
  ctx: CompileContext,
  model: SchemaModel,
  name: string | null | undefined,
  at: Path,
  what: string,
) {
  const column = name ? model.columns.find((c) => c.name === name) : undefined;
  if (!column) ctx.problems.add(at, `${model.name} has no ${what}${name ? ` column "${name}"` : ''}`);
  return column;
}
