/** Syncs of one workspace: CRUD, with the model and destination checked to be in the same workspace. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SyncEntity } from '@syncline/db';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { DestinationService } from '../destination/destination.service';
import { ModelService } from '../model/model.service';
import type { CreateSyncInput } from './dtos/create-sync.input';
import type { UpdateSyncInput } from './dtos/update-sync.input';
import { parseFieldMapping } from './utils/parse-field-mapping.util';

@Injectable()
export class SyncService {
  constructor(
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    private readonly models: ModelService,
    private readonly destinations: DestinationService,
  ) {}

  list(workspaceId: string): Promise<SyncEntity[]> {
    return this.syncs.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<SyncEntity> {
    return findInWorkspace(this.syncs, 'sync', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateSyncInput): Promise<SyncEntity> {
    const mapping = parseFieldMapping(input.mapping);
    await this.models.get(workspaceId, input.modelId);
    await this.destinations.get(workspaceId, input.destinationId);
    return this.syncs.save(
      this.syncs.create({
        workspaceId,
        name: input.name,
        modelId: input.modelId,
        destinationId: input.destinationId,
        destinationObject: input.destinationObject ?? null,
        mode: input.mode,
        mapping,
      }),
    );
  }

  async update(workspaceId: string, input: UpdateSyncInput): Promise<SyncEntity> {
    const sync = await this.get(workspaceId, input.id);
    if (input.mapping !== undefined && input.mapping !== null)
      sync.mapping = parseFieldMapping(input.mapping);
    if (input.name !== undefined) sync.name = input.name;
    if (input.destinationObject !== undefined) sync.destinationObject = input.destinationObject;
    if (input.mode !== undefined) sync.mode = input.mode;
    return this.syncs.save(sync);
  }

  /** Deleting a sync also deletes its runs and delivered state (foreign keys cascade). */
  async delete(workspaceId: string, id: string): Promise<SyncEntity> {
    const sync = await this.get(workspaceId, id);
    await this.syncs.delete({ id, workspaceId });
    return sync;
  }
}
