/**
 * Coerces one mapped value to a destination field type. Warehouses hand over numbers as strings, booleans
 * as 0/1 and timestamps as Date objects; destinations want their own types, and a value that cannot be
 * converted must say so plainly rather than be sent and refused somewhere further away.
 */
import type { DestinationFieldType } from '@syncline/domain';

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

const INTEGER_DIGITS = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
const MAX_SHOWN = 40;

/** The value as it appears in a rejection reason: JSON, cut short so a huge value stays readable. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === 'bigint' || typeof value === 'number'
        ? String(value)
        : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (value: unknown, what: string): Coerced => ({
  ok: false,
  reason: `${showValue(value)} ${what}`,
});

const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !(v instanceof Date);

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  return undefined;
}

function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const day = DATE.exec(text);
  if (day) return isRealDay(Number(day[1]), Number(day[2]), Number(day[3])) ? text : undefined;
  // A date-time keeps the calendar day it was written with, not the day in UTC.
  const stamp = DATETIME.exec(text);
  return stamp && toIsoDateTime(text) !== undefined ? toIsoDate(stamp[1]) : undefined;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function toIsoDateTime(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  const match = DATETIME.exec(value.trim());
  if (!match || toIsoDate(match[1]) === undefined) return undefined;
  // Without an offset the value is taken as UTC: the worker's own time zone must not change what is sent.
  const [, day, time = '00:00', zone = 'Z'] = match;
  const offset =
    zone.toUpperCase() === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3) || '00'}`;
  const parsed = new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${offset}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function coerceString(value: unknown, what: string): Coerced {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return ok(String(value));
  if (value instanceof Date) return ok(value.toISOString());
  return fail(value, what);
}

/** null and undefined become null for every type: clearing a field is not a type error. */
export function coerceValue(value: unknown, type: DestinationFieldType): Coerced {
  if (value === null || value === undefined) return ok(null);
  // An empty string is how templates and text exports say "no value"; only text types keep it.
  if (value === '' && type !== 'string' && type !== 'enumeration') return ok(null);
  switch (type) {
    case 'string':
      return isPlainObject(value) ? ok(JSON.stringify(value)) : coerceString(value, 'is not a string');
    case 'enumeration':
      return coerceString(value, 'is not an enumeration value (a string)');
    case 'number': {
      const n = toNumber(value);
      return n === undefined ? fail(value, 'is not a number') : ok(n);
    }
    case 'integer': {
      const n = toNumber(value);
      if (n === undefined || !Number.isInteger(n)) return fail(value, 'is not an integer');
      if (Number.isSafeInteger(n)) return ok(n);
      // A bigint id (Postgres int8, Snowflake NUMBER(38)) would be silently rounded as a JS number: its exact
      // digits are sent instead, which JSON APIs and SQL casts take as an integer.
      const digits =
        typeof value === 'bigint' ? value.toString() : typeof value === 'string' ? value.trim() : '';
      return INTEGER_DIGITS.test(digits) ? ok(digits) : ok(n);
    }
    case 'boolean': {
      if (typeof value === 'boolean') return ok(value);
      const text =
        typeof value === 'number' || typeof value === 'string' ? String(value).trim().toLowerCase() : '';
      if (TRUE.has(text)) return ok(true);
      if (FALSE.has(text)) return ok(false);
      return fail(value, 'is not a boolean (true/false, yes/no or 1/0)');
    }
    case 'date': {
      const day = toIsoDate(value);
      return day === undefined ? fail(value, 'is not a date (YYYY-MM-DD)') : ok(day);
    }
    case 'datetime': {
      const stamp = toIsoDateTime(value);
      return stamp === undefined ? fail(value, 'is not a date-time (ISO 8601)') : ok(stamp);
    }
    case 'json':
      return coerceJson(value);
    default:
      return assertNever(type);
  }
}

function coerceJson(value: unknown): Coerced {
  if (value instanceof Date) return ok(value.toISOString());
  if (typeof value === 'bigint') return ok(value.toString());
  if (typeof value !== 'string') return ok(value);
  try {
    return ok(JSON.parse(value) as unknown);
  } catch {
    return fail(value, 'is not valid JSON');
  }
}

function assertNever(type: never): never {
  throw new Error(`Unknown destination field type: ${String(type)}`);
}
