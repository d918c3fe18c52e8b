/**
 * The schema version an audience was compiled against: a fingerprint of everything its SQL depends on (the
 * parent's and related models' SQL and columns, relationships, traits). A different version means the
 * stored SQL must be compiled again.
 */
import { createHash } from 'node:crypto';
import type { CompileInput } from './compile-context';

export function schemaVersion(input: CompileInput, parentModelId: string): string {
  const models = [...input.schema.models.values()].sort((a, b) => a.modelId.localeCompare(b.modelId));
  const relationships = [...input.schema.relationships.values()].sort((a, b) => a.id.localeCompare(b.id));
  const traits = [...input.traits.values()]
    .filter((t) => t.parentModelId === parentModelId)
    .sort((a, b) => a.id.localeCompare(b.id));
  const audiences = [...input.audiences.values()]
    .map((a) => [a.id, a.conditions] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const text = JSON.stringify({ dialect: input.dialect.name, models, relationships, traits, audiences });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
