/**
 * Property and trait comparisons: checks the operator against the operand's kind and the value against the
 * operator, then writes the test. Negative operators (not_equals, not_contains, not_in, is_not_null) are the
 * exact complement of their positive form, so they also match unknown (NULL) values.
 */
import {
  ANY_OPERATORS,
  ARRAY_OPERATORS,
  BOOLEAN_OPERATORS,
  DATE_OPERATORS,
  NUMBER_OPERATORS,
  TEXT_OPERATORS,
  type ConditionValue,
  type PropertyOperator,
} from '../conditions/condition-types';
import type { ColumnKind } from '../dialects/dialect';
import type { Path } from '../errors';
import { type CompileContext, type Compiled, type Operand, nullableLeaf } from './compile-context';
import { compileDateTest } from './compile-date-test';
import { decimalText, pair, stringValue } from './values';

const VALID: Record<ColumnKind, readonly string[]> = {
  text: [...TEXT_OPERATORS, ...ANY_OPERATORS],
  number: [...NUMBER_OPERATORS, ...ANY_OPERATORS],
  boolean: [...BOOLEAN_OPERATORS, ...ANY_OPERATORS],
  date: [...DATE_OPERATORS, ...ANY_OPERATORS],
  timestamp: [...DATE_OPERATORS, ...ANY_OPERATORS],
  array: [...ARRAY_OPERATORS, ...ANY_OPERATORS],
  other: ANY_OPERATORS,
};

const NEGATIVE: Partial<Record<PropertyOperator, PropertyOperator>> = {
  not_equals: 'equals',
  not_contains: 'contains',
  not_in: 'in',
};

export function compareOperand(
  ctx: CompileContext,
  operand: Operand,
  operator: PropertyOperator,
  value: ConditionValue | undefined,
  path: Path,
): Compiled {
  const arraysInText =
    operand.kind === 'text' && ctx.dialect.textHoldsArrays && ARRAY_OPERATORS.some((o) => o === operator);
  if (!VALID[operand.kind].includes(operator) && !arraysInText) {
    ctx.problems.add([...path, 'operator'], `'${operator}' is not valid for a ${operand.noun}`);
    return nullableLeaf('(1 = 0)');
  }
  const positive = NEGATIVE[operator];
  if (positive) {
    const c = compareOperand(ctx, operand, positive, value, path);
    return { sql: c.negated, negated: c.sql };
  }
  const at: Path = [...path, 'value'];
  const d = ctx.dialect;
  const e = operand.expr;
  const noValue = () => {
    if (value !== undefined) ctx.problems.add(at, `'${operator}' takes no value`);
  };
  switch (operator) {
    case 'is_null':
      noValue();
      return { sql: `${e} IS NULL`, negated: `${e} IS NOT NULL` };
    case 'is_not_null':
      noValue();
      return { sql: `${e} IS NOT NULL`, negated: `${e} IS NULL` };
    case 'is_true':
    case 'is_false':
      noValue();
      return nullableLeaf(`${e} = ${d.boolean(operator === 'is_true')}`);
    case 'equals':
      return nullableLeaf(`${e} = ${scalarLiteral(ctx, operand, value, at)}`);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[operator];
      return nullableLeaf(`${e} ${op} ${d.number(decimalText(ctx, value, at))}`);
    }
    case 'between': {
      const [lo, hi] = pair(
        ctx,
        value,
        at,
        (v, p) => decimalText(ctx, v, p),
        (a, b) => Number(a) <= Number(b),
        '0',
      );
      return nullableLeaf(`${e} BETWEEN ${d.number(lo)} AND ${d.number(hi)}`);
    }
    case 'contains':
      return nullableLeaf(d.contains(e, d.string(stringValue(ctx, value, at))));
    case 'starts_with':
      return nullableLeaf(d.startsWith(e, d.string(stringValue(ctx, value, at))));
    case 'ends_with':
      return nullableLeaf(d.endsWith(e, d.string(stringValue(ctx, value, at))));
    case 'in':
      return nullableLeaf(`${e} IN (${listLiterals(ctx, value, at, false).join(', ')})`);
    case 'contains_any':
      return nullableLeaf(d.arrayOverlaps(e, listLiterals(ctx, value, at, true), operand.nativeType));
    case 'contains_all':
      return nullableLeaf(d.arrayContainsAll(e, listLiterals(ctx, value, at, true), operand.nativeType));
    default:
      return nullableLeaf(compileDateTest(ctx, operand, operator, value, at));
  }
}

function scalarLiteral(ctx: CompileContext, operand: Operand, value: unknown, at: Path): string {
  return operand.kind === 'number'
    ? ctx.dialect.number(decimalText(ctx, value, at))
    : ctx.dialect.string(stringValue(ctx, value, at));
}

/** Text columns take strings; arrays take strings or numbers (compared with the array's elements). */
function listLiterals(ctx: CompileContext, value: unknown, at: Path, numbers: boolean): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    ctx.problems.add(at, 'must be a non-empty list of values');
    return [ctx.dialect.string('')];
  }
  return value.map((v, i) =>
    numbers && typeof v === 'number'
      ? ctx.dialect.number(decimalText(ctx, v, [...at, i]))
      : ctx.dialect.string(stringValue(ctx, v, [...at, i])),
  );
}
