/**
 * Date and time tests, on the warehouse's clock so a stored audience stays valid as time passes: relative
 * windows are evaluated when the query runs. Days are UTC days; `after D` starts when day D ends.
 */
import type { TimeWindow } from '../conditions/condition-types';
import type { Path } from '../errors';
import type { CompileContext, Operand } from './compile-context';
import { nextDay } from './dates';
import { dateValue, daysValue, pair } from './values';

export function compileDateTest(
  ctx: CompileContext,
  operand: Operand,
  operator: string,
  value: unknown,
  at: Path,
): string {
  const d = ctx.dialect;
  const k = operand.timeKind;
  const e = operand.expr;
  const ago = (days: number) => d.addDays(d.now(k), -days, k);
  switch (operator) {
    case 'before':
      return `${e} < ${d.dayStart(dateValue(ctx, value, at), k)}`;
    case 'after':
      return `${e} >= ${d.dayStart(nextDay(dateValue(ctx, value, at)), k)}`;
    case 'on': {
      const day = dateValue(ctx, value, at);
      return `(${e} >= ${d.dayStart(day, k)} AND ${e} < ${d.dayStart(nextDay(day), k)})`;
    }
    case 'between_dates': {
      const [from, to] = pair(
        ctx,
        value,
        at,
        (v, p) => dateValue(ctx, v, p),
        (a, b) => a <= b,
        '1970-01-01',
      );
      return `(${e} >= ${d.dayStart(from, k)} AND ${e} < ${d.dayStart(nextDay(to), k)})`;
    }
    case 'more_than_days_ago':
      return `${e} < ${ago(daysValue(ctx, value, at))}`;
    case 'less_than_days_ago':
      return `${e} > ${ago(daysValue(ctx, value, at))}`;
    case 'within_last_days':
      return `(${e} >= ${ago(daysValue(ctx, value, at))} AND ${e} <= ${d.now(k)})`;
    case 'exactly_days_ago': {
      const n = daysValue(ctx, value, at);
      const today = d.todayStart(k);
      return `(${e} >= ${d.addDays(today, -n, k)} AND ${e} < ${d.addDays(today, 1 - n, k)})`;
    }
    case 'between_days_ago': {
      const [near, far] = pair(
        ctx,
        value,
        at,
        (v, p) => daysValue(ctx, v, p),
        (a, b) => a <= b,
        0,
      );
      return `(${e} >= ${ago(far)} AND ${e} <= ${ago(near)})`;
    }
    default:
      ctx.problems.add(at, `unknown date operator '${operator}'`);
      return '(1 = 0)';
  }
}

/** An event's time window as a test on its timestamp column; undefined for "any time". */
export function compileWindow(
  ctx: CompileContext,
  operand: Operand,
  window: TimeWindow | undefined,
  at: Path,
): string | undefined {
  if (!window || window.type === 'any') return undefined;
  switch (window.type) {
    case 'within_last_days':
      return compileDateTest(ctx, operand, 'within_last_days', window.days, [...at, 'days']);
    case 'between_days_ago':
      return compileDateTest(ctx, operand, 'between_days_ago', [window.from, window.to], at);
    case 'before':
    case 'after':
      return compileDateTest(ctx, operand, window.type, window.date, [...at, 'date']);
    case 'between_dates':
      return compileDateTest(ctx, operand, 'between_dates', [window.from, window.to], at);
  }
}
