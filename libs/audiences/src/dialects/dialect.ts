/**
 * What differs between warehouses when an audience compiles: quoting, literals, the clock, day arithmetic,
 * text and array tests, a few aggregates and the split hash. Everything else (the shape of the query) is
 * shared, so a new warehouse is one file implementing this interface.
 */
import type { Column } from '@syncline/domain';

/** How the compiler treats a column. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'array' | 'other';

/** How a date/time column relates to the UTC clock: a day, a UTC wall-clock time, or an instant. */
export type TimeKind = 'date' | 'naive' | 'zoned';

export interface AudienceDialect {
  readonly name: string;
  /** A quoted identifier; names come from the warehouse's own column list. */
  ident(name: string): string;
  /** A string literal that stands for exactly `value` whatever it holds (quotes, backslashes, comments). */
  string(value: string): string;
  /** An exact numeric literal from a validated decimal text. */
  number(text: string): string;
  boolean(value: boolean): string;
  kindOf(column: Column): ColumnKind;
  timeKindOf(column: Column): TimeKind;
  /** The current instant, in the column's kind (naive = UTC wall clock). */
  now(kind: TimeKind): string;
  /** 00:00 UTC of today, in the column's kind. */
  todayStart(kind: TimeKind): string;
  /** 00:00 UTC of a YYYY-MM-DD day, in the column's kind. */
  dayStart(isoDate: string, kind: TimeKind): string;
  /** `expr` moved by `days` (negative: earlier). */
  addDays(expr: string, days: number, kind: TimeKind): string;
  contains(column: string, literal: string): string;
  startsWith(column: string, literal: string): string;
  endsWith(column: string, literal: string): string;
  /** `values` are already literals; `column` is an array column of `nativeType`. */
  arrayOverlaps(column: string, values: string[], nativeType: string): string;
  arrayContainsAll(column: string, values: string[], nativeType: string): string;
  /** Aggregate: the distinct non-null values, sorted, as the warehouse's array type. */
  distinctList(expr: string): string;
  /** The native type of a distinct list of a column of `nativeType` (for later array conditions). */
  distinctListType(nativeType: string): string;
  /** Text columns may hold JSON arrays the array operators can test (MariaDB reports JSON as text). */
  readonly textHoldsArrays?: boolean;
  /** Appended to a distinct-list aggregate's subquery to keep the planner from pushing conditions into it. */
  readonly listAggregateFence?: string;
  /** The key's text form, as the split hash reads it. */
  keyText(expr: string): string;
  /** An integer 0…9999 from the first 32 bits of md5(salt || key text): the member's split bucket. */
  splitBucket(keyTextExpr: string, salt: string): string;
}
