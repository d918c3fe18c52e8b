/**
 * Syncs of one workspace: CRUD, with the model and destination checked to be in the same workspace. Every
 * change that touches a sync's schedule is applied to its Temporal Schedule after it is saved.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { checkSyncTarget } from '@syncline/audiences';
import { syncScheduleId } from '@syncline/contracts';
import { SyncEntity, SyncRunStore } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { DestinationService } from '../destination/destination.service';
import { ModelService } from '../model/model.service';
import { SyncScheduleService } from '../sync-schedule/sync-schedule.service';
import { parseSyncSchedule } from '../sync-schedule/utils/parse-sync-schedule.util';
import type { CreateSyncInput } from './dtos/create-sync.input';
import type { UpdateSyncInput } from './dtos/update-sync.input';
import { SyncCdcStateService } from './sync-cdc-state.service';
import { SyncMappingCheckService } from './sync-mapping-check.service';
import { parseFieldMapping } from './utils/parse-field-mapping.util';

@Injectable()
export class SyncService {
  constructor(
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    private readonly models: ModelService,
    private readonly destinations: DestinationService,
    private readonly schedules: SyncScheduleService,
    private readonly cdcState: SyncCdcStateService,
    private readonly mappingCheck: SyncMappingCheckService,
  ) {}

  list(workspaceId: string): Promise<SyncEntity[]> {
    return this.syncs.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<SyncEntity> {
    return findInWorkspace(this.syncs, 'sync', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateSyncInput): Promise<SyncEntity> {
    const mapping = parseFieldMapping(input.mapping);
    const schedule = input.schedule ? parseSyncSchedule(input.schedule) : null;
    checkSyncTarget(await this.models.get(workspaceId, input.modelId), input.splitGroup);
    await this.destinations.get(workspaceId, input.destinationId);
    const draft = this.syncs.create({
      workspaceId,
      name: input.name,
      modelId: input.modelId,
      destinationId: input.destinationId,
      destinationObject: input.destinationObject ?? null,
      mode: input.mode,
      mapping,
      duplicateKeyPolicy: input.duplicateKeyPolicy ?? 'exclude',
      schedule,
      splitGroup: input.splitGroup ?? null,
    });
    await this.mappingCheck.check(workspaceId, draft);
    const sync = await this.syncs.save(draft);
    await this.schedules.applyForSync(sync);
    return sync;
  }

  async update(workspaceId: string, input: UpdateSyncInput): Promise<SyncEntity> {
    const sync = await this.get(workspaceId, input.id);
    if (input.mapping !== undefined && input.mapping !== null)
      sync.mapping = parseFieldMapping(input.mapping);
    if (input.name !== undefined) sync.name = input.name;
    if (input.destinationObject !== undefined) sync.destinationObject = input.destinationObject;
    if (input.mode !== undefined) sync.mode = input.mode;
    if (input.duplicateKeyPolicy !== undefined) sync.duplicateKeyPolicy = input.duplicateKeyPolicy;
    if (input.schedule) sync.schedule = parseSyncSchedule(input.schedule);
    if (input.splitGroup !== undefined) {
      checkSyncTarget(await this.models.get(workspaceId, sync.modelId), input.splitGroup);
      sync.splitGroup = input.splitGroup;
    }
    const mappingTouched = [input.mapping, input.destinationObject, input.mode].some(
      (v) => v !== undefined && v !== null,
    );
    if (mappingTouched) await this.mappingCheck.check(workspaceId, sync);
    const saved = await this.syncs.save(sync);
    await this.schedules.applyForSync(saved);
    return saved;
  }

  /** Pauses or resumes the sync's schedule (its Temporal Schedule too); runs already going finish. */
  async setSchedulePaused(workspaceId: string, id: string, paused: boolean): Promise<SyncEntity> {
    const sync = await this.get(workspaceId, id);
    sync.schedulePaused = paused;
    const saved = await this.syncs.save(sync);
    await this.schedules.applyForSync(saved);
    return saved;
  }

  /** The syncs of a workspace linked to a dbt Cloud job (schedule type dbt_cloud, not paused). */
  linkedToDbtCloudJob(workspaceId: string, accountId: string, jobId: string): Promise<SyncEntity[]> {
    return this.syncs
      .createQueryBuilder('s')
      .where('s.workspace_id = :workspaceId', { workspaceId })
      .andWhere("s.schedule->>'type' = 'dbt_cloud'")
      .andWhere("s.schedule->>'accountId' = :accountId AND s.schedule->>'jobId' = :jobId", {
        accountId,
        jobId,
      })
      .andWhere('NOT s.schedule_paused')
      .orderBy('s.created_at')
      .getMany();
  }

  /**
   * Deleting a sync also deletes its runs and delivered state (foreign keys cascade), so it is refused while
   * a run is queued or going (SYNC_RUN_IN_PROGRESS): cancel it, or wait for it to end.
   */
  async delete(workspaceId: string, id: string): Promise<SyncEntity> {
    const sync = await this.get(workspaceId, id);
    if (await new SyncRunStore(this.syncs.manager).hasActiveRun(id)) {
      throw new SynclineError(
        ErrorCode.SyncRunInProgress,
        'A run of this sync is queued or in progress: cancel it (cancelSyncRun) or wait for it to end, then delete the sync.',
        { details: { syncId: id } },
      );
    }
    await this.cdcState.dropWarehouseState(sync);
    await this.syncs.delete({ id, workspaceId });
    await this.schedules.remove(syncScheduleId(id));
    return sync;
  }
}
