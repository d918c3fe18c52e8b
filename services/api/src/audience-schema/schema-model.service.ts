/**
 * The models of the Customer Studio schema: adding one discovers its columns through the source and checks
 * what its role names; changes are refused when they would break a relationship or an audience, and saved
 * with every audience recompiled. Registered as a model change hook, so editing a schema model's SQL
 * re-validates the schema too.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { assertValidSchemaModel, audienceDialect } from '@syncline/audiences';
import { AudienceSchemaModelEntity, type ModelEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { inUseError } from '../common/utils/in-use-error.util';
import { notFoundError } from '../common/utils/find-in-workspace.util';
import { ModelService, type ModelChangeHook } from '../model/model.service';
import { AudienceCompilerService } from './audience-compiler.service';
import { ColumnDiscoveryService } from './column-discovery.service';
import type { CreateSchemaModelInput, UpdateSchemaModelInput } from './dtos/schema-model.input';
import { audiencesOf, withModel, withRecord, type SchemaState } from './schema-state';
import { SchemaStateService } from './schema-state.service';
import { checkRelationshipsOf } from './utils/check-relationships.util';
import { toSchemaModel } from './utils/schema-records.util';

@Injectable()
export class SchemaModelService implements ModelChangeHook, OnModuleInit {
  constructor(
    @InjectRepository(AudienceSchemaModelEntity) private readonly repo: Repository<AudienceSchemaModelEntity>,
    private readonly models: ModelService,
    private readonly state: SchemaStateService,
    private readonly compiler: AudienceCompilerService,
    private readonly discovery: ColumnDiscoveryService,
  ) {}

  onModuleInit(): void {
    this.models.registerChangeHook(this);
  }

  async list(workspaceId: string): Promise<{ entity: AudienceSchemaModelEntity; model: ModelEntity }[]> {
    const state = await this.state.load(workspaceId);
    return state.schemaModels.flatMap((entity) => {
      const model = state.models.get(entity.modelId);
      return model ? [{ entity, model }] : [];
    });
  }

  async get(workspaceId: string, modelId: string) {
    const found = (await this.list(workspaceId)).find((s) => s.entity.modelId === modelId);
    if (!found) throw notFoundError('schema model', modelId);
    return found;
  }

  async create(workspaceId: string, input: CreateSchemaModelInput) {
    const model = await this.models.get(workspaceId, input.modelId);
    if (model.kind === 'audience')
      throw new SynclineError(
        ErrorCode.BadUserInput,
        `"${model.name}" is an audience, not a model for the schema`,
      );
    const state = await this.state.load(workspaceId);
    if (state.schemaModels.some((e) => e.modelId === model.id))
      throw new SynclineError(
        ErrorCode.BadUserInput,
        `"${model.name}" is already in the schema: use updateSchemaModel`,
        {
          details: { modelId: model.id },
        },
      );
    const entity = this.repo.create({
      modelId: model.id,
      workspaceId,
      role: input.role,
      labelColumn: input.labelColumn ?? null,
      redactedColumns: input.redactedColumns ?? [],
      timestampColumn: input.timestampColumn ?? null,
      eventTypeColumn: input.eventTypeColumn ?? null,
    });
    await this.validate(workspaceId, entity, model);
    return { entity: await this.repo.save(entity), model };
  }

  async update(workspaceId: string, input: UpdateSchemaModelInput) {
    const { entity, model } = await this.get(workspaceId, input.modelId);
    if (input.role !== undefined) entity.role = input.role;
    if (input.labelColumn !== undefined) entity.labelColumn = input.labelColumn;
    if (input.redactedColumns !== undefined) entity.redactedColumns = input.redactedColumns;
    if (input.timestampColumn !== undefined) entity.timestampColumn = input.timestampColumn;
    if (input.eventTypeColumn !== undefined) entity.eventTypeColumn = input.eventTypeColumn;
    const save = await this.prepare(workspaceId, entity, model);
    await save();
    return { entity, model };
  }

  async delete(workspaceId: string, modelId: string) {
    const found = await this.get(workspaceId, modelId);
    const state = await this.state.load(workspaceId);
    const named = (id: string) => ({ id, name: state.models.get(id)?.name ?? id });
    const users = [
      ...state.relationships
        .filter((r) => [r.fromModelId, r.toModelId, r.throughModelId].includes(modelId))
        .map((r) => ({
          id: r.id,
          name: `relationship ${named(r.fromModelId).name} → ${named(r.toModelId).name}`,
        })),
      ...state.traits
        .filter((t) => t.parentModelId === modelId)
        .map((t) => ({ id: t.id, name: `trait ${t.name}` })),
      ...audiencesOf(state)
        .filter((a) => a.definition.parentModelId === modelId)
        .map((a) => ({ id: a.id, name: `audience ${a.name}` })),
    ];
    if (users.length > 0) throw inUseError('schema model', modelId, 'the schema', users);
    await this.repo.delete({ modelId, workspaceId });
    return found;
  }

  async beforeUpdate(workspaceId: string, proposed: ModelEntity) {
    const entity = await this.repo.findOneBy({ modelId: proposed.id, workspaceId });
    if (!entity) return;
    return this.prepare(workspaceId, entity, proposed);
  }

  async beforeDelete(workspaceId: string, model: ModelEntity): Promise<void> {
    if (await this.repo.existsBy({ modelId: model.id, workspaceId }))
      throw inUseError('model', model.id, 'the Customer Studio schema', [{ id: model.id, name: model.name }]);
  }

  /** Validates a changed schema model against everything using it; returns the save. */
  private async prepare(workspaceId: string, entity: AudienceSchemaModelEntity, model: ModelEntity) {
    await this.validate(workspaceId, entity, model);
    const next: SchemaState = withModel(
      withRecord(await this.state.load(workspaceId), 'schemaModels', entity),
      model,
    );
    checkRelationshipsOf(next, model.id);
    const compiled = this.compiler.compileAll(next);
    return () =>
      this.state.transaction(async (em) => {
        await em.save(entity);
        await this.compiler.save(em, compiled);
      });
  }

  private async validate(
    workspaceId: string,
    entity: AudienceSchemaModelEntity,
    model: ModelEntity,
  ): Promise<void> {
    const dialect = audienceDialect(await this.discovery.sourceType(workspaceId, model.sourceId));
    entity.columns = await this.discovery.columns(workspaceId, model);
    assertValidSchemaModel(toSchemaModel(entity, model), dialect);
  }
}
