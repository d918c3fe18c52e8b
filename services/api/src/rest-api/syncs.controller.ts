/**
 * Syncs and sync runs on the Hightouch-compatible REST API: what airflow-provider-hightouch,
 * dagster-hightouch and prefect-hightouch call. Triggers go through the same start-or-queue call as every
 * other trigger; a trigger during a run answers with the run queued after it.
 */
import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { RestWorkspace } from '../auth/rest-workspace.decorator';
import { SyncRunOrchestrationService } from '../sync-run/sync-run-orchestration.service';
import { RestSyncDto, RestSyncListDto } from './dtos/rest-catalog.dto';
import { RestSyncRunDto, RestSyncRunListDto } from './dtos/rest-sync-run.dto';
import { TriggerRunCustomInput, TriggerRunInput, TriggerRunOutput } from './dtos/trigger-run.dto';
import { RestCatalogService } from './rest-catalog.service';
import { RestExceptionFilter } from './rest-exception.filter';
import { type ListSyncRunsQuery, RestSyncRunsService } from './rest-sync-runs.service';
import { type ListQuery, listRecords } from './utils/list-records.util';
import { parseBoolean } from './utils/parse-boolean.util';

@ApiTags('syncs')
@ApiBearerAuth()
@UseFilters(RestExceptionFilter)
@Controller('api/v1/syncs')
export class SyncsController {
  constructor(
    private readonly catalog: RestCatalogService,
    private readonly runs: RestSyncRunsService,
    private readonly orchestration: SyncRunOrchestrationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List syncs (filters: slug, modelId; limit, orderBy)' })
  @ApiOkResponse({ type: RestSyncListDto })
  async list(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Query() query: ListQuery & { modelId?: string },
  ): Promise<RestSyncListDto> {
    const syncs = (await this.catalog.listSyncs(ws.id)).filter(
      (s) => query.modelId === undefined || s.modelId === query.modelId,
    );
    return listRecords(syncs, query);
  }

  @Post('trigger')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trigger a run by sync id or slug; queues one run when a run is in progress' })
  @ApiOkResponse({ type: TriggerRunOutput })
  async triggerCustom(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Body() body: TriggerRunCustomInput = {},
  ): Promise<TriggerRunOutput> {
    const syncId = await this.catalog.resolveSyncId(ws.id, body);
    return this.trigger(ws, syncId, body);
  }

  @Get(':syncId')
  @ApiOperation({ summary: 'Get a sync' })
  @ApiOkResponse({ type: RestSyncDto })
  get(@RestWorkspace() ws: AuthenticatedWorkspace, @Param('syncId') syncId: string): Promise<RestSyncDto> {
    return this.catalog.getSync(ws.id, syncId);
  }

  @Post(':syncId/trigger')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trigger a run of the sync; queues one run when a run is in progress' })
  @ApiOkResponse({ type: TriggerRunOutput })
  async trigger(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Param('syncId') syncId: string,
    @Body() body: TriggerRunInput = {},
  ): Promise<TriggerRunOutput> {
    const run = await this.orchestration.start(
      ws.id,
      {
        syncId,
        fullResync: parseBoolean(body.fullResync, 'fullResync'),
        resetCDC: parseBoolean(body.resetCDC, 'resetCDC'),
      },
      'api',
    );
    return { id: run.id };
  }

  @Get(':syncId/runs')
  @ApiOperation({
    summary: 'List the sync’s runs, newest first (runId, after, before, within, limit, offset, orderBy)',
  })
  @ApiOkResponse({ type: RestSyncRunListDto })
  async listRuns(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Param('syncId') syncId: string,
    @Query() query: ListSyncRunsQuery,
  ): Promise<RestSyncRunListDto> {
    const page = await this.runs.list(ws.id, syncId, query);
    return { data: page.data.map((r) => RestSyncRunDto.from(r)), hasMore: page.hasMore };
  }
}
