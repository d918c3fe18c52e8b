/**
 * Relationships of the schema: column pairs (types checked against the discovered columns), a cardinality,
 * no cycles. Changing or deleting one is refused while an audience or trait would break.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { assertValidRelationship, audienceDialect, buildSchema } from '@syncline/audiences';
import { AudienceRelationshipEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import { AudienceCompilerService } from './audience-compiler.service';
import type { CreateRelationshipInput, UpdateRelationshipInput } from './dtos/relationship.input';
import { audiencesOf, schemaModelsOf, withRecord, type SchemaState } from './schema-state';
import { SchemaStateService } from './schema-state.service';
import { mentioning } from './utils/check-relationships.util';
import { toRelationship } from './utils/schema-records.util';

@Injectable()
export class RelationshipService {
  constructor(
    @InjectRepository(AudienceRelationshipEntity)
    private readonly repo: Repository<AudienceRelationshipEntity>,
    private readonly state: SchemaStateService,
    private readonly compiler: AudienceCompilerService,
  ) {}

  list(workspaceId: string): Promise<AudienceRelationshipEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<AudienceRelationshipEntity> {
    return findInWorkspace(this.repo, 'relationship', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateRelationshipInput): Promise<AudienceRelationshipEntity> {
    const entity = this.repo.create({
      workspaceId,
      fromModelId: input.fromModelId,
      toModelId: input.toModelId,
      cardinality: input.cardinality,
      joins: input.joins.map(({ from, to }) => ({ from, to })),
      throughModelId: input.through?.modelId ?? null,
      throughJoins: input.through?.joins.map(({ from, to }) => ({ from, to })) ?? null,
    });
    const state = await this.state.load(workspaceId);
    this.validate(state, entity);
    return this.repo.save(entity);
  }

  async update(workspaceId: string, input: UpdateRelationshipInput): Promise<AudienceRelationshipEntity> {
    const entity = await this.get(workspaceId, input.id);
    if (input.cardinality !== undefined) entity.cardinality = input.cardinality;
    if (input.joins !== undefined) entity.joins = input.joins.map(({ from, to }) => ({ from, to }));
    if (input.through !== undefined) {
      entity.throughModelId = input.through?.modelId ?? null;
      entity.throughJoins = input.through?.joins.map(({ from, to }) => ({ from, to })) ?? null;
    }
    const next = withRecord(await this.state.load(workspaceId), 'relationships', entity);
    this.validate(next, entity);
    const compiled = this.compiler.compileAll(next);
    return this.state.transaction(async (em) => {
      const saved = await em.save(entity);
      await this.compiler.save(em, compiled);
      return saved;
    });
  }

  async delete(workspaceId: string, id: string): Promise<AudienceRelationshipEntity> {
    const entity = await this.get(workspaceId, id);
    const state = await this.state.load(workspaceId);
    const users = [
      ...mentioning(state.traits, (t) => t.definition, id).map((t) => ({ ...t, name: `trait ${t.name}` })),
      ...mentioning(audiencesOf(state), (a) => a.definition.conditions, id).map((a) => ({
        ...a,
        name: `audience ${a.name}`,
      })),
    ];
    if (users.length > 0) throw inUseError('relationship', id, 'traits and audiences', users);
    await this.repo.delete({ id, workspaceId });
    return entity;
  }

  /** The models must be in this workspace's schema (the state only holds this workspace's records). */
  private validate(state: SchemaState, entity: AudienceRelationshipEntity): void {
    const rest = state.relationships.filter((r) => r.id !== entity.id).map(toRelationship);
    const schema = buildSchema(schemaModelsOf(state), rest);
    const from = state.models.get(entity.fromModelId);
    const type = from ? state.sourceTypes.get(from.sourceId) : undefined;
    if (!type || !state.schemaModels.some((m) => m.modelId === entity.fromModelId)) {
      throw new SynclineError(
        ErrorCode.InvalidSchema,
        `Invalid relationship: fromModelId: model ${entity.fromModelId} is not in the schema`,
        {
          details: { problems: [{ path: 'fromModelId', message: 'not in the schema' }] },
        },
      );
    }
    assertValidRelationship(schema, toRelationship(entity), audienceDialect(type));
  }
}
