/**
 * Checks a schema when it is saved: every column a schema model or relationship names exists (in the columns
 * discovered from the warehouse), join columns have compatible types, relationships stay on one source and
 * form no cycle. Each problem names the field at fault.
 */
import { ErrorCode } from '@syncline/errors';
import type { AudienceDialect } from '../dialects/dialect';
import { ProblemList, type Path } from '../errors';
import type { AudienceSchema, ColumnPair, Relationship, SchemaModel } from './schema-types';

function hasColumn(
  problems: ProblemList,
  model: SchemaModel,
  name: string | null | undefined,
  at: Path,
): boolean {
  if (name === null || name === undefined) return false;
  if (model.columns.some((c) => c.name === name)) return true;
  problems.add(
    at,
    `${model.name} has no column "${name}" (columns: ${model.columns.map((c) => c.name).join(', ')})`,
  );
  return false;
}

export function checkSchemaModel(problems: ProblemList, model: SchemaModel, dialect: AudienceDialect): void {
  hasColumn(problems, model, model.primaryKey, ['primaryKey']);
  if (model.role === 'parent') {
    hasColumn(problems, model, model.labelColumn, ['labelColumn']);
    (model.redactedColumns ?? []).forEach((c, i) => hasColumn(problems, model, c, ['redactedColumns', i]));
  }
  if (model.role === 'event') {
    if (!model.timestampColumn)
      problems.add(['timestampColumn'], 'an event model must name its timestamp column');
    else if (hasColumn(problems, model, model.timestampColumn, ['timestampColumn'])) {
      const kind = dialect.kindOf(model.columns.find((c) => c.name === model.timestampColumn)!);
      if (kind !== 'timestamp' && kind !== 'date')
        problems.add(
          ['timestampColumn'],
          `"${model.timestampColumn}" is a ${kind} column, not a date or timestamp`,
        );
    }
    if (hasColumn(problems, model, model.eventTypeColumn, ['eventTypeColumn'])) {
      const kind = dialect.kindOf(model.columns.find((c) => c.name === model.eventTypeColumn)!);
      if (kind !== 'text')
        problems.add(['eventTypeColumn'], `"${model.eventTypeColumn}" is a ${kind} column, not text`);
    }
  }
}

function checkPairs(
  problems: ProblemList,
  dialect: AudienceDialect,
  left: SchemaModel,
  right: SchemaModel,
  pairs: ColumnPair[],
  at: Path,
): void {
  if (pairs.length === 0) problems.add(at, 'name at least one pair of columns to join on');
  pairs.forEach((p, i) => {
    const okFrom = hasColumn(problems, left, p.from, [...at, i, 'from']);
    const okTo = hasColumn(problems, right, p.to, [...at, i, 'to']);
    if (!okFrom || !okTo) return;
    const a = left.columns.find((c) => c.name === p.from)!;
    const b = right.columns.find((c) => c.name === p.to)!;
    const [ka, kb] = [dialect.kindOf(a), dialect.kindOf(b)];
    if (ka !== kb || (ka === 'other' && a.nativeType !== b.nativeType))
      problems.add(
        [...at, i],
        `cannot join ${left.name}.${a.name} (${a.nativeType}) with ${right.name}.${b.name} (${b.nativeType}): incompatible types`,
      );
  });
}

export function checkRelationship(
  problems: ProblemList,
  schema: AudienceSchema,
  rel: Relationship,
  dialect: AudienceDialect,
): void {
  const from = schema.models.get(rel.fromModelId);
  const to = schema.models.get(rel.toModelId);
  if (!from) problems.add(['fromModelId'], `model ${rel.fromModelId} is not in the schema`);
  if (!to) problems.add(['toModelId'], `model ${rel.toModelId} is not in the schema`);
  if (!from || !to) return;
  if (to.role === 'parent')
    problems.add(['toModelId'], `${to.name} is a parent model: relationships start at it`);
  if (from.sourceId !== to.sourceId)
    problems.add(['toModelId'], `${to.name} reads another source than ${from.name}`);
  if (rel.cardinality === 'many-to-many') {
    const through = rel.through ? schema.models.get(rel.through.modelId) : undefined;
    if (!rel.through || !through) {
      problems.add(['through'], 'a many-to-many relationship needs a join model (through) from the schema');
      return;
    }
    if (through.sourceId !== from.sourceId)
      problems.add(['through', 'modelId'], `${through.name} reads another source`);
    checkPairs(problems, dialect, from, through, rel.joins, ['joins']);
    checkPairs(problems, dialect, through, to, rel.through.joins, ['through', 'joins']);
  } else {
    if (rel.through) problems.add(['through'], `only many-to-many relationships have a join model`);
    checkPairs(problems, dialect, from, to, rel.joins, ['joins']);
  }
  const cycle = findCycle([...schema.relationships.values()].filter((r) => r.id !== rel.id).concat(rel));
  if (cycle) {
    const names = cycle.map((id) => schema.models.get(id)?.name ?? id);
    problems.add(['toModelId'], `relationships would form a cycle: ${names.join(' → ')}`);
  }
}

/** A directed cycle among relationships (from → to), as model ids, or undefined. */
export function findCycle(relationships: readonly Relationship[]): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const r of relationships) edges.set(r.fromModelId, [...(edges.get(r.fromModelId) ?? []), r.toModelId]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    if (state.get(node) === 'done') return undefined;
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

export function assertValidSchemaModel(model: SchemaModel, dialect: AudienceDialect): void {
  const problems = new ProblemList();
  checkSchemaModel(problems, model, dialect);
  problems.throwIfAny(ErrorCode.InvalidSchema, `Invalid schema model ${model.name}`);
}

export function assertValidRelationship(
  schema: AudienceSchema,
  rel: Relationship,
  dialect: AudienceDialect,
): void {
  const problems = new ProblemList();
  checkRelationship(problems, schema, rel, dialect);
  problems.throwIfAny(ErrorCode.InvalidSchema, 'Invalid relationship');
}
