/** The control plane's records as the audience compiler reads them (libs/audiences types). */
import {
  isAudienceDefinition,
  type AudienceRef,
  type Relationship,
  type SchemaModel,
  type Trait,
  type TraitDefinition,
} from '@syncline/audiences';
import type {
  AudienceRelationshipEntity,
  AudienceSchemaModelEntity,
  AudienceTraitEntity,
  ModelEntity,
} from '@syncline/db';

export function toSchemaModel(entity: AudienceSchemaModelEntity, model: ModelEntity): SchemaModel {
  return {
    modelId: model.id,
    name: model.name,
    sourceId: model.sourceId,
    role: entity.role,
    sql: model.sql,
    primaryKey: model.primaryKey,
    columns: entity.columns,
    labelColumn: entity.labelColumn,
    redactedColumns: entity.redactedColumns,
    timestampColumn: entity.timestampColumn,
    eventTypeColumn: entity.eventTypeColumn,
  };
}

export function toRelationship(entity: AudienceRelationshipEntity): Relationship {
  return {
    id: entity.id,
    fromModelId: entity.fromModelId,
    toModelId: entity.toModelId,
    cardinality: entity.cardinality,
    joins: entity.joins,
    through:
      entity.throughModelId && entity.throughJoins
        ? { modelId: entity.throughModelId, joins: entity.throughJoins }
        : null,
  };
}

export function toTrait(entity: AudienceTraitEntity): Trait {
  return {
    id: entity.id,
    name: entity.name,
    parentModelId: entity.parentModelId,
    ...(entity.definition as unknown as TraitDefinition),
  };
}

export function toAudienceRef(model: ModelEntity): AudienceRef | undefined {
  if (!isAudienceDefinition(model.definition)) return undefined;
  const { parentModelId, conditions } = model.definition;
  return { id: model.id, name: model.name, parentModelId, conditions };
}
