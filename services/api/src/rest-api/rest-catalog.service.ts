/** Sources, models, destinations and syncs of a workspace, mapped to Hightouch's public API shapes. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DestinationEntity, ModelEntity, SourceEntity, SyncEntity } from '@syncline/db';
import { SyncRunEntity } from '@syncline/db';
import type { SyncSchedule } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { DestinationService } from '../destination/destination.service';
import { ModelService } from '../model/model.service';
import { SourceService } from '../source/source.service';
import { SyncService } from '../sync/sync.service';
import type { RestDestinationDto, RestModelDto, RestSourceDto, RestSyncDto } from './dtos/rest-catalog.dto';
import { slugify } from './utils/slugify.util';

function hightouchSchedule(s: SyncSchedule | null): RestSyncDto['schedule'] {
  if (!s || s.type === 'manual') return null;
  if (s.type === 'interval')
    return { type: 'interval', schedule: { interval: { quantity: s.intervalSeconds / 60, unit: 'minute' } } };
  if (s.type === 'cron')
    return { type: 'cron', schedule: { expression: s.expression, timezone: s.timezone } };
  return { type: 'dbt-cloud', schedule: { account: { id: s.accountId }, job: { id: s.jobId } } };
}

@Injectable()
export class RestCatalogService {
  constructor(
    private readonly sources: SourceService,
    private readonly models: ModelService,
    private readonly destinations: DestinationService,
    private readonly syncs: SyncService,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
  ) {}

  async listSources(workspaceId: string): Promise<RestSourceDto[]> {
    return (await this.sources.list(workspaceId)).map((s) => this.source(s));
  }

  async getSource(workspaceId: string, id: string): Promise<RestSourceDto> {
    return this.source(await this.sources.get(workspaceId, id));
  }

  async listDestinations(workspaceId: string): Promise<RestDestinationDto[]> {
    const syncs = await this.syncs.list(workspaceId);
    return (await this.destinations.list(workspaceId)).map((d) => this.destination(d, syncs));
  }

  async getDestination(workspaceId: string, id: string): Promise<RestDestinationDto> {
    return this.destination(await this.destinations.get(workspaceId, id), await this.syncs.list(workspaceId));
  }

  async listModels(workspaceId: string): Promise<RestModelDto[]> {
    const syncs = await this.syncs.list(workspaceId);
    return (await this.models.list(workspaceId)).map((m) => this.model(m, syncs));
  }

  async getModel(workspaceId: string, id: string): Promise<RestModelDto> {
    return this.model(await this.models.get(workspaceId, id), await this.syncs.list(workspaceId));
  }

  async listSyncs(workspaceId: string): Promise<RestSyncDto[]> {
    const models = new Map((await this.models.list(workspaceId)).map((m) => [m.id, m]));
    const syncs = await this.syncs.list(workspaceId);
    return Promise.all(syncs.map((s) => this.sync(s, models.get(s.modelId))));
  }

  async getSync(workspaceId: string, id: string): Promise<RestSyncDto> {
    const sync = await this.syncs.get(workspaceId, id);
    return this.sync(sync, await this.models.get(workspaceId, sync.modelId));
  }

  /** The sync a `syncId` or `syncSlug` names; 404 with a message when there is none. */
  async resolveSyncId(workspaceId: string, ref: { syncId?: string; syncSlug?: string }): Promise<string> {
    if (ref.syncId) return (await this.syncs.get(workspaceId, ref.syncId)).id;
    if (!ref.syncSlug)
      throw new SynclineError(ErrorCode.BadUserInput, 'Send syncId or syncSlug', {
        details: { field: 'syncId' },
      });
    const match = (await this.syncs.list(workspaceId)).find((s) => slugify(s.name) === ref.syncSlug);
    if (!match)
      throw new SynclineError(ErrorCode.NotFound, `No sync with slug "${ref.syncSlug}" in this workspace`, {
        details: { kind: 'sync', slug: ref.syncSlug },
      });
    return match.id;
  }

  private source(s: SourceEntity): RestSourceDto {
    const { id, name, workspaceId, type, createdAt, updatedAt } = s;
    return { id, name, slug: slugify(name), workspaceId, type, configuration: {}, createdAt, updatedAt };
  }

  private destination(d: DestinationEntity, syncs: SyncEntity[]): RestDestinationDto {
    const { id, name, workspaceId, type, createdAt, updatedAt } = d;
    const ids = syncs.filter((s) => s.destinationId === id).map((s) => s.id);
    return {
      id,
      name,
      slug: slugify(name),
      workspaceId,
      type,
      configuration: {},
      syncs: ids,
      createdAt,
      updatedAt,
    };
  }

  private model(m: ModelEntity, syncs: SyncEntity[]): RestModelDto {
    const { id, name, workspaceId, sourceId, primaryKey, sql, createdAt, updatedAt } = m;
    return {
      id,
      name,
      slug: slugify(name),
      workspaceId,
      sourceId,
      primaryKey,
      // Audiences are models built without SQL, as Hightouch's visual (Customer Studio) models are.
      queryType: m.kind === 'audience' ? 'visual' : 'raw_sql',
      raw: { sql },
      tags: {},
      isSchema: false,
      syncs: syncs.filter((s) => s.modelId === id).map((s) => s.id),
      createdAt,
      updatedAt,
    };
  }

  private async sync(s: SyncEntity, model: ModelEntity | undefined): Promise<RestSyncDto> {
    const last = await this.runs.findOne({ where: { syncId: s.id }, order: { seq: 'DESC' } });
    return {
      id: s.id,
      name: s.name,
      slug: slugify(s.name),
      workspaceId: s.workspaceId,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      destinationId: s.destinationId,
      modelId: s.modelId,
      configuration: { mode: s.mode, object: s.destinationObject, mappings: s.mapping },
      schedule: hightouchSchedule(s.schedule),
      status: s.schedulePaused ? 'disabled' : (last?.status ?? 'pending'),
      disabled: s.schedulePaused,
      lastRunAt: last?.startedAt ?? last?.createdAt ?? null,
      referencedColumns: s.mapping.flatMap((m) => ('from' in m ? [m.from] : [])),
      primaryKey: model?.primaryKey ?? '',
    };
  }
}
