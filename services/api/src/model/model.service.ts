/** Models of one workspace: CRUD, with the source checked to be in the same workspace. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ModelEntity, SyncEntity } from '@syncline/db';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import { SourceService } from '../source/source.service';
import type { CreateModelInput } from './dtos/create-model.input';
import type { UpdateModelInput } from './dtos/update-model.input';

@Injectable()
export class ModelService {
  constructor(
    @InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>,
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    private readonly sources: SourceService,
  ) {}

  list(workspaceId: string): Promise<ModelEntity[]> {
    return this.models.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<ModelEntity> {
    return findInWorkspace(this.models, 'model', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateModelInput): Promise<ModelEntity> {
    await this.sources.get(workspaceId, input.sourceId);
    const { name, sourceId, sql, primaryKey } = input;
    return this.models.save(this.models.create({ workspaceId, name, sourceId, sql, primaryKey }));
  }

  async update(workspaceId: string, input: UpdateModelInput): Promise<ModelEntity> {
    const model = await this.get(workspaceId, input.id);
    if (input.sourceId !== undefined) {
      await this.sources.get(workspaceId, input.sourceId);
      model.sourceId = input.sourceId;
    }
    if (input.name !== undefined) model.name = input.name;
    if (input.sql !== undefined) model.sql = input.sql;
    if (input.primaryKey !== undefined) model.primaryKey = input.primaryKey;
    return this.models.save(model);
  }

  async delete(workspaceId: string, id: string): Promise<ModelEntity> {
    const model = await this.get(workspaceId, id);
    const dependents = await this.syncs.find({
      where: { workspaceId, modelId: id },
      select: { id: true, name: true },
    });
    if (dependents.length > 0) throw inUseError('model', id, 'syncs', dependents);
    await this.models.delete({ id, workspaceId });
    return model;
  }
}
