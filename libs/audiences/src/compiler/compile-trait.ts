/**
 * Traits as joins on the parent: one aggregate per parent key over the related rows (filtered by the trait's
 * conditions), LEFT JOINed once per query however often the trait is used. Count and sum are 0 for a parent
 * without rows; the other aggregations are unknown (NULL) then.
 */
import type { Path } from '../errors';
import type { Trait } from '../traits/trait-types';
import type { CompileContext, Operand, Scope } from './compile-context';
import { nestedFilters } from './compile-related';
import { joinOnKeys, keyedSelect, relatedRows, requireColumn, type RelatedRows } from './related-rows';

export function traitOperand(
  ctx: CompileContext,
  scope: Scope,
  traitId: string,
  path: Path,
): Operand | undefined {
  const trait = ctx.input.traits.get(traitId);
  if (!trait) {
    ctx.problems.add([...path, 'traitId'], `no trait ${traitId} in this workspace`);
    return undefined;
  }
  if (!scope.isParent || trait.parentModelId !== scope.model.modelId) {
    ctx.problems.add([...path, 'traitId'], `trait "${trait.name}" belongs to another parent model`);
    return undefined;
  }
  return traitJoin(ctx, scope, trait, path);
}

/** Adds the trait's join to the parent scope (once) and returns its value. */
export function traitJoin(ctx: CompileContext, parent: Scope, trait: Trait, path: Path): Operand | undefined {
  const known = ctx.traitJoins.get(trait.id);
  if (known) return known.operand;
  const rows = relatedRows(ctx, parent, trait.relationshipId, path);
  if (!rows) return undefined;
  const filters = nestedFilters(ctx, trait.conditions, rows.scope, [`trait "${trait.name}"`, 'conditions']);
  if (ctx.keyFilter) filters.push(ctx.keyFilter(rows));
  const at: Path = [`trait "${trait.name}"`];
  const d = ctx.dialect;
  const model = rows.scope.model;
  const column =
    trait.aggregation === 'count'
      ? undefined
      : requireColumn(ctx, model, trait.column, [...at, 'column'], 'aggregated');
  if (trait.aggregation !== 'count' && !column) return undefined;
  const value = column ? ctx.col(rows.scope, column.name) : '';
  const kind = column ? d.kindOf(column) : 'number';
  if (['sum', 'avg'].includes(trait.aggregation) && kind !== 'number')
    ctx.problems.add(
      [...at, 'column'],
      `${trait.aggregation} needs a number column, "${column?.name}" is ${kind}`,
    );
  const v = d.ident('v');
  let subquery: string;
  switch (trait.aggregation) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max': {
      const agg = trait.aggregation === 'count' ? 'COUNT(*)' : `${trait.aggregation.toUpperCase()}(${value})`;
      subquery = keyedSelect(ctx, rows, filters, { select: [`${agg} AS ${v}`], groupBy: true });
      break;
    }
    case 'distinct_list':
      subquery =
        keyedSelect(ctx, rows, [...filters, `${value} IS NOT NULL`], {
          select: [`${d.distinctList(value)} AS ${v}`],
          groupBy: true,
        }) + (d.listAggregateFence ?? '');
      break;
    case 'first':
    case 'last': {
      const order = trait.orderBy ?? model.timestampColumn ?? undefined;
      const orderColumn = requireColumn(ctx, model, order, [...at, 'orderBy'], 'order');
      if (!orderColumn) return undefined;
      const dir = trait.aggregation === 'first' ? 'ASC' : 'DESC';
      const ord = ctx.col(rows.scope, orderColumn.name);
      const tie = ctx.col(rows.scope, model.primaryKey);
      subquery = firstRow(
        ctx,
        rows,
        [...filters, `${ord} IS NOT NULL`],
        value,
        `${ord} ${dir}, ${tie} ${dir}`,
        false,
      );
      break;
    }
    case 'most_frequent':
      subquery = firstRow(
        ctx,
        rows,
        [...filters, `${value} IS NOT NULL`],
        value,
        `COUNT(*) DESC, ${value} ASC`,
        true,
      );
      break;
  }
  const alias = joinOnKeys(ctx, parent, rows, subquery, 't');
  const joined = `${alias}.${v}`;
  const zeroWhenEmpty = trait.aggregation === 'count' || trait.aggregation === 'sum';
  const operand: Operand = {
    expr: zeroWhenEmpty ? `COALESCE(${joined}, 0)` : joined,
    kind: trait.aggregation === 'distinct_list' ? 'array' : trait.aggregation === 'count' ? 'number' : kind,
    timeKind: column ? d.timeKindOf(column) : 'naive',
    nativeType:
      trait.aggregation === 'distinct_list' && column
        ? d.distinctListType(column.nativeType)
        : (column?.nativeType ?? 'bigint'),
    noun: `${trait.aggregation === 'distinct_list' ? 'array' : kind} trait`,
  };
  ctx.traitJoins.set(trait.id, { operand });
  return operand;
}

/** The first row per key in `order` (ROW_NUMBER), optionally over (key, value) groups for "most frequent". */
function firstRow(
  ctx: CompileContext,
  rows: RelatedRows,
  filters: string[],
  value: string,
  order: string,
  grouped: boolean,
): string {
  const keys = rows.keys.map((_, i) => ctx.dialect.ident(`k${i + 1}`));
  const v = ctx.dialect.ident('v');
  const rn = `ROW_NUMBER() OVER (PARTITION BY ${rows.keys.join(', ')} ORDER BY ${order}) AS ${ctx.dialect.ident('rn')}`;
  const inner = keyedSelect(ctx, rows, filters, { select: [`${value} AS ${v}`, rn] });
  const groupedInner = grouped ? `${inner} GROUP BY ${[...rows.keys, value].join(', ')}` : inner;
  const x = ctx.alias('x');
  return `SELECT ${[...keys, v].map((c) => `${x}.${c}`).join(', ')} FROM (${groupedInner}) ${x} WHERE ${x}.${ctx.dialect.ident('rn')} = 1`;
}
