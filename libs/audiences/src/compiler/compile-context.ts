/**
 * State shared while one query compiles: the inputs (dialect, schema, traits, other audiences), fresh table
 * aliases, the problems found (each with its node path) and the trait joins already added to the parent.
 */
import type { Column } from '@syncline/domain';
import type { Condition, ConditionTree } from '../conditions/condition-types';
import type { AudienceDialect, ColumnKind, TimeKind } from '../dialects/dialect';
import { ProblemList, type Path } from '../errors';
import type { AudienceSchema, SchemaModel } from '../schema/schema-types';
import type { Trait } from '../traits/trait-types';

/** Another audience a membership condition can name. */
export interface AudienceRef {
  id: string;
  name: string;
  parentModelId: string;
  conditions: ConditionTree;
}

export interface CompileInput {
  dialect: AudienceDialect;
  schema: AudienceSchema;
  /** Traits by id (those of other parents are refused where used). */
  traits: ReadonlyMap<string, Trait>;
  /** Audiences by id, for membership conditions. */
  audiences: ReadonlyMap<string, AudienceRef>;
}

/** A model's rows under an alias, and the LEFT JOINs conditions on them added. */
export interface Scope {
  alias: string;
  model: SchemaModel;
  joins: string[];
  /** True for the parent itself: only there are traits and audience membership meaningful. */
  isParent: boolean;
}

/** Something a property-like condition compares: a column, or a trait's value. */
export interface Operand {
  expr: string;
  kind: ColumnKind;
  timeKind: TimeKind;
  nativeType: string;
  /** How problems name it: `number column`, `text trait`. */
  noun: string;
}

/** A compiled leaf, with its exact complement (true where the leaf is false or unknown). */
export interface Compiled {
  sql: string;
  negated: string;
}

export interface TraitJoin {
  operand: Operand;
}

export class CompileContext {
  readonly problems = new ProblemList();
  readonly traitJoins = new Map<string, TraitJoin>();
  /** Audiences being inlined, to refuse membership cycles. */
  readonly visiting: string[] = [];
  /** Restricts trait aggregates to some parents (samples): a test on the related rows' key columns. */
  keyFilter?: (rows: { keys: string[]; outerColumns: string[] }) => string;
  private next = 0;

  /**
   * Compiles a nested condition (relation, event and trait filters). Injected by the entry point so the
   * node compilers and the leaf compilers need not import each other.
   */
  constructor(
    readonly input: CompileInput,
    readonly nested: (ctx: CompileContext, node: Condition, scope: Scope, path: Path) => Compiled,
  ) {}

  get dialect(): AudienceDialect {
    return this.input.dialect;
  }

  alias(prefix: string): string {
    this.next += 1;
    return `${prefix}${this.next}`;
  }

  /** `alias."column"` */
  col(scope: { alias: string }, column: string): string {
    return `${scope.alias}.${this.dialect.ident(column)}`;
  }

  columnOperand(scope: Scope, column: Column): Operand {
    const kind = this.dialect.kindOf(column);
    return {
      expr: this.col(scope, column.name),
      kind,
      timeKind: this.dialect.timeKindOf(column),
      nativeType: column.nativeType,
      noun: `${kind === 'other' ? column.nativeType : kind} column`,
    };
  }
}

/** A leaf whose value may be unknown (NULL): its complement must treat unknown as false. */
export function nullableLeaf(sql: string): Compiled {
  return { sql, negated: `NOT COALESCE(${sql}, FALSE)` };
}

export const ALWAYS: Compiled = { sql: '(1 = 1)', negated: '(1 = 0)' };
