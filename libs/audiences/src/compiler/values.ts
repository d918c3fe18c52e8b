/** Reading condition values: each check adds a problem at the value's path instead of throwing. */
import type { Path } from '../errors';
import type { CompileContext } from './compile-context';
import { isCalendarDate } from './dates';

const DECIMAL = /^-?\d{1,38}(\.\d{1,38})?$/;

export function stringValue(ctx: CompileContext, value: unknown, at: Path): string {
  if (typeof value !== 'string') {
    ctx.problems.add(at, 'must be a text value');
    return '';
  }
  if (value.includes('\u0000')) {
    ctx.problems.add(at, 'must not contain NUL characters');
    return '';
  }
  return value;
}

/** A number as exact decimal text: JSON numbers, or decimal strings for values beyond 2^53. */
export function decimalText(ctx: CompileContext, value: unknown, at: Path): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const text = Number.isInteger(value) ? BigInt(value).toString() : String(value);
    if (DECIMAL.test(text)) return text;
  }
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  ctx.problems.add(at, 'must be a number');
  return '0';
}

export function daysValue(ctx: CompileContext, value: unknown, at: Path): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 36_500) return value;
  ctx.problems.add(at, 'must be a whole number of days (0 to 36500)');
  return 0;
}

export function dateValue(ctx: CompileContext, value: unknown, at: Path): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)) return value;
  ctx.problems.add(at, 'must be a date as YYYY-MM-DD');
  return '1970-01-01';
}

/** `[a, b]` with a check that a comes first. */
export function pair<T>(
  ctx: CompileContext,
  value: unknown,
  at: Path,
  read: (v: unknown, path: Path) => T,
  ordered: (a: T, b: T) => boolean,
  fallback: T,
): [T, T] {
  if (!Array.isArray(value) || value.length !== 2) {
    ctx.problems.add(at, 'must be a list of two values [from, to]');
    return [fallback, fallback];
  }
  const a = read(value[0], [...at, 0]);
  const b = read(value[1], [...at, 1]);
  if (!ordered(a, b)) ctx.problems.add(at, 'the first value must not be after the second');
  return [a, b];
}
