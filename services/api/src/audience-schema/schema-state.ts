/**
 * Everything of one workspace the audience compiler needs, loaded at once: schema models, relationships,
 * traits, audiences and the source types of their models. Services apply a proposed change to a copy and
 * compile every audience against it before anything is saved.
 */
import {
  audienceDialect,
  buildSchema,
  isAudienceDefinition,
  type AudienceDefinition,
  type CompileInput,
} from '@syncline/audiences';
import type {
  AudienceRelationshipEntity,
  AudienceSchemaModelEntity,
  AudienceTraitEntity,
  ModelEntity,
} from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { toAudienceRef, toRelationship, toSchemaModel, toTrait } from './utils/schema-records.util';

export interface SchemaState {
  schemaModels: AudienceSchemaModelEntity[];
  /** Every model of the workspace, by id. */
  models: Map<string, ModelEntity>;
  relationships: AudienceRelationshipEntity[];
  traits: AudienceTraitEntity[];
  sourceTypes: Map<string, string>;
}

export function audiencesOf(state: SchemaState): (ModelEntity & { definition: AudienceDefinition })[] {
  return [...state.models.values()].filter(
    (m): m is ModelEntity & { definition: AudienceDefinition } =>
      m.kind === 'audience' && isAudienceDefinition(m.definition),
  );
}

export function schemaModelsOf(state: SchemaState) {
  return state.schemaModels.flatMap((e) => {
    const model = state.models.get(e.modelId);
    return model ? [toSchemaModel(e, model)] : [];
  });
}

/** The compiler's input for audiences of `parentModelId` (dialect of the parent's source). */
export function compileInputFor(state: SchemaState, parentModelId: string): CompileInput {
  const parent = state.models.get(parentModelId);
  const sourceType = parent ? state.sourceTypes.get(parent.sourceId) : undefined;
  if (!parent || !sourceType) {
    throw new SynclineError(
      ErrorCode.InvalidAudience,
      `Model ${parentModelId} is not a parent model of the schema`,
      {
        details: { problems: [{ path: 'parentModelId', message: 'not a parent model of the schema' }] },
      },
    );
  }
  return {
    dialect: audienceDialect(sourceType),
    schema: buildSchema(schemaModelsOf(state), state.relationships.map(toRelationship)),
    traits: new Map(state.traits.map((t) => [t.id, toTrait(t)])),
    audiences: new Map(
      audiencesOf(state).flatMap((a) => {
        const ref = toAudienceRef(a);
        return ref ? [[a.id, ref] as const] : [];
      }),
    ),
  };
}

/** A copy with `entity` replacing the record of the same key (or added). */
export function withRecord<K extends 'schemaModels' | 'relationships' | 'traits'>(
  state: SchemaState,
  key: K,
  entity: SchemaState[K][number],
  remove = false,
): SchemaState {
  const id = (e: SchemaState[K][number]) =>
    'modelId' in e && !('id' in e) ? e.modelId : (e as { id: string }).id;
  const rest = (state[key] as SchemaState[K][number][]).filter((e) => id(e) !== id(entity));
  return { ...state, [key]: remove ? rest : [...rest, entity] };
}

export function withModel(state: SchemaState, model: ModelEntity): SchemaState {
  return { ...state, models: new Map(state.models).set(model.id, model) };
}
