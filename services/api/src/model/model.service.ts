/**
 * Models of one workspace: CRUD, with the source checked to be in the same workspace. Table and dbt models
 * are resolved to SQL when saved (libs/models), so runs and previews execute exactly what was saved.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ModelEntity, SyncEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { type ModelKind, type ModelSpecInput, resolveModel } from '@syncline/models';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import { SourceService } from '../source/source.service';
import type { CreateModelInput } from './dtos/create-model.input';
import type { FullResyncNoticeDto } from './dtos/full-resync-notice.dto';
import type { UpdateModelInput } from './dtos/update-model.input';
import { fullResyncNotice } from './utils/full-resync-notice.util';

/**
 * Lets Customer Studio check an edit of a model its schema uses (columns still there, audiences still compile)
 * and recompile its audiences once the edit is saved, without this module depending on it.
 */
export interface ModelChangeHook {
  /** Throws to refuse the edit; may return work to run after the model is saved. */
  beforeUpdate(workspaceId: string, proposed: ModelEntity): Promise<(() => Promise<void>) | void>;
  beforeDelete(workspaceId: string, model: ModelEntity): Promise<void>;
}

function audienceModelError(model: ModelEntity, what: string): SynclineError {
  return new SynclineError(
    ErrorCode.BadUserInput,
    `Model "${model.name}" is an audience: its SQL is compiled from its conditions, so ${what} it with ${what}Audience`,
    { details: { modelId: model.id, kind: 'audience' } },
  );
}

@Injectable()
export class ModelService {
  private readonly hooks: ModelChangeHook[] = [];

  constructor(
    @InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>,
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    private readonly sources: SourceService,
  ) {}

  registerChangeHook(hook: ModelChangeHook): void {
    this.hooks.push(hook);
  }

  list(workspaceId: string): Promise<ModelEntity[]> {
    return this.models.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<ModelEntity> {
    return findInWorkspace(this.models, 'model', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateModelInput): Promise<ModelEntity> {
    const source = await this.sources.get(workspaceId, input.sourceId);
    const resolved = await resolveModel(source.type, { ...input, kind: input.kind ?? 'sql' });
    return this.models.save(
      this.models.create({
        workspaceId,
        name: input.name,
        sourceId: input.sourceId,
        kind: resolved.definition.kind,
        definition: resolved.definition.kind === 'sql' ? null : { ...resolved.definition },
        sql: resolved.sql,
        primaryKey: resolved.primaryKey,
      }),
    );
  }

  /** Saves the changes; when the SQL or primary key changed, says which syncs need a full resync. */
  async update(
    workspaceId: string,
    input: UpdateModelInput,
  ): Promise<{ model: ModelEntity; fullResyncNeeded: FullResyncNoticeDto | null }> {
    const model = await this.get(workspaceId, input.id);
    if (model.kind === 'audience') throw audienceModelError(model, 'update');
    const before = { sql: model.sql, primaryKey: model.primaryKey };
    if (input.sourceId !== undefined) model.sourceId = input.sourceId;
    const source = await this.sources.get(workspaceId, model.sourceId);
    if (input.name !== undefined) model.name = input.name;
    const redefined =
      input.kind !== undefined ||
      input.sql !== undefined ||
      input.table !== undefined ||
      input.dbt !== undefined;
    if (redefined) {
      const kind: ModelKind =
        input.kind ?? (input.table ? 'table' : input.dbt ? 'dbt' : input.sql ? 'sql' : model.kind);
      const spec: ModelSpecInput = { ...input, kind, primaryKey: input.primaryKey ?? model.primaryKey };
      // A dbt model keeps its unique-test default only when the user did not set a key before.
      if (kind === 'dbt' && input.primaryKey === undefined) spec.primaryKey = undefined;
      const resolved = await resolveModel(source.type, spec);
      model.kind = resolved.definition.kind;
      model.definition = resolved.definition.kind === 'sql' ? null : { ...resolved.definition };
      model.sql = resolved.sql;
      model.primaryKey = input.primaryKey ?? resolved.primaryKey;
    } else if (input.primaryKey !== undefined) model.primaryKey = input.primaryKey;
    const after = await Promise.all(this.hooks.map((h) => h.beforeUpdate(workspaceId, model)));
    const saved = await this.models.save(model);
    for (const run of after) await run?.();
    const dependents = await this.syncs.find({
      where: { workspaceId, modelId: model.id },
      select: { id: true, name: true },
      order: { createdAt: 'ASC' },
    });
    return { model: saved, fullResyncNeeded: fullResyncNotice(before, saved, dependents) };
  }

  async delete(workspaceId: string, id: string): Promise<ModelEntity> {
    const model = await this.get(workspaceId, id);
    if (model.kind === 'audience') throw audienceModelError(model, 'delete');
    const dependents = await this.syncs.find({
      where: { workspaceId, modelId: id },
      select: { id: true, name: true },
    });
    if (dependents.length > 0) throw inUseError('model', id, 'syncs', dependents);
    for (const hook of this.hooks) await hook.beforeDelete(workspaceId, model);
    await this.models.delete({ id, workspaceId });
    return model;
  }
}
