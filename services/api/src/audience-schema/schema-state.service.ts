/** Loads a workspace's schema state (see schema-state.ts), every query scoped by the workspace. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AudienceRelationshipEntity,
  AudienceSchemaModelEntity,
  AudienceTraitEntity,
  ModelEntity,
  SourceEntity,
} from '@syncline/db';
import { DataSource, type EntityManager } from 'typeorm';
import type { SchemaState } from './schema-state';

@Injectable()
export class SchemaStateService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(workspaceId: string, em: EntityManager = this.dataSource.manager): Promise<SchemaState> {
    const where = { workspaceId };
    const [schemaModels, models, relationships, traits, sources] = await Promise.all([
      em.find(AudienceSchemaModelEntity, { where, order: { createdAt: 'ASC' } }),
      em.find(ModelEntity, { where, order: { createdAt: 'ASC' } }),
      em.find(AudienceRelationshipEntity, { where, order: { createdAt: 'ASC' } }),
      em.find(AudienceTraitEntity, { where, order: { createdAt: 'ASC' } }),
      em.find(SourceEntity, { where, select: { id: true, type: true } }),
    ]);
    return {
      schemaModels,
      models: new Map(models.map((m) => [m.id, m])),
      relationships,
      traits,
      sourceTypes: new Map(sources.map((s) => [s.id, s.type])),
    };
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
