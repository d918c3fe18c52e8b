/** Re-checks the relationships that touch a model after it changed (its columns or role may have). */
import { assertValidRelationship, audienceDialect, buildSchema } from '@syncline/audiences';
import { schemaModelsOf, type SchemaState } from '../schema-state';
import { toRelationship } from './schema-records.util';

export function checkRelationshipsOf(state: SchemaState, modelId: string): void {
  const schema = buildSchema(schemaModelsOf(state), state.relationships.map(toRelationship));
  for (const rel of state.relationships) {
    if (![rel.fromModelId, rel.toModelId, rel.throughModelId].includes(modelId)) continue;
    const from = state.models.get(rel.fromModelId);
    const type = from ? state.sourceTypes.get(from.sourceId) : undefined;
    if (type) assertValidRelationship(schema, toRelationship(rel), audienceDialect(type));
  }
}

/** Names of the records whose definition mentions `id` (relationships, traits, audiences use ids). */
export function mentioning<T extends { id: string; name: string }>(
  records: readonly T[],
  definitionOf: (record: T) => unknown,
  id: string,
): { id: string; name: string }[] {
  return records
    .filter((r) => JSON.stringify(definitionOf(r) ?? null).includes(`"${id}"`))
    .map((r) => ({ id: r.id, name: r.name }));
}
