/**
 * Starting and cancelling sync runs. Every trigger — GraphQL runSync, the REST API, dbt Cloud webhooks,
 * and (through the worker's requestSyncRun activity) schedules and sequences — ends in the same call,
 * requestSyncRun (libs/sync-trigger): start the run of the sync, or queue one behind the running run. A
 * sync never has two runs at once and never more than one waiting; a trigger while one is already waiting
 * gets that waiting run back.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  CANCEL_SYNC_RUN_UPDATE,
  type CancelSyncRunResult,
  type SyncRunTrigger,
  TERMINAL_RUN_STATUSES,
} from '@syncline/contracts';
import { type SyncRunEntity, SyncRunStore } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { requestSyncRun, type SyncRunTarget } from '@syncline/sync-trigger';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { InjectConfig, type SynclineConfig } from '../config/config.token';
import { DestinationService } from '../destination/destination.service';
import { ApiMetricsService } from '../metrics/api-metrics.service';
import { ModelService } from '../model/model.service';
import { SourceService } from '../source/source.service';
import { SyncService } from '../sync/sync.service';
import { callTemporal } from '../temporal/call-temporal.util';
import { SyncRunService } from './sync-run.service';

// The request is answered by the sync's workflow on a worker, so this covers a worker's round trip too.
const REQUEST_DEADLINE_MS = 15_000;

export interface RunRequestOptions {
  fullResync?: boolean;
  resetCDC?: boolean;
}

@Injectable()
export class SyncRunOrchestrationService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @InjectConfig() private readonly config: SynclineConfig,
    private readonly dataSource: DataSource,
    private readonly syncRuns: SyncRunService,
    private readonly syncs: SyncService,
    private readonly models: ModelService,
    private readonly sources: SourceService,
    private readonly destinations: DestinationService,
    private readonly metrics: ApiMetricsService,
  ) {}

  /** Starts a run of the sync, or returns the run it joined: the running one or the one queued after it. */
  async start(
    workspaceId: string,
    input: RunRequestOptions & { syncId: string },
    trigger: SyncRunTrigger,
  ): Promise<SyncRunEntity> {
    const target = await this.target(workspaceId, input.syncId);
    const result = await callTemporal(
      this.temporal,
      this.config,
      () =>
        requestSyncRun(this.temporal, new SyncRunStore(this.dataSource), target, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          trigger,
          fullResync: input.fullResync,
          resetCDC: input.resetCDC,
        }),
      REQUEST_DEADLINE_MS,
    );
    this.metrics.runTriggered(trigger);
    return this.syncRuns.get(workspaceId, result.runId);
  }

  /**
   * Cancels the running run (the worker records `cancelled` when it stops) or drops the queued one.
   * The running run is cancelled through Temporal's workflow cancellation, which needs no worker to
   * answer; a queued run lives only in the workflow's state, so the workflow is asked to drop it.
   */
  async cancel(workspaceId: string, runId: string): Promise<SyncRunEntity> {
    const run = await this.syncRuns.get(workspaceId, runId);
    if (TERMINAL_RUN_STATUSES.includes(run.status)) throw alreadyFinished(run.status);
    try {
      await callTemporal(this.temporal, this.config, async () => {
        const handle = this.temporal.workflow.getHandle(run.workflowId);
        const execution = await handle.describe();
        if (execution.status.name !== 'RUNNING') throw alreadyFinished(run.status);
        // Runs started before run ids were chosen by triggers carry no memo: their id is the Temporal run id.
        const running = execution.memo?.runId ?? execution.runId;
        if (running === run.id) {
          await this.temporal.workflow.getHandle(run.workflowId, execution.runId).cancel();
          return;
        }
        const answer = await handle.executeUpdate<CancelSyncRunResult, [string]>(CANCEL_SYNC_RUN_UPDATE, {
          args: [run.id],
        });
        if (answer === 'not_found') throw alreadyFinished(run.status);
      });
    } catch (err) {
      // Temporal answers "not found" when no execution of the sync's workflow is open any more.
      if (err instanceof WorkflowNotFoundError) throw alreadyFinished(run.status);
      throw err;
    }
    return this.syncRuns.get(workspaceId, runId);
  }

  /** The facts the run's workflow carries for operators; checks the sync belongs to the workspace. */
  private async target(workspaceId: string, syncId: string): Promise<SyncRunTarget> {
    const sync = await this.syncs.get(workspaceId, syncId);
    const model = await this.models.get(workspaceId, sync.modelId);
    const source = await this.sources.get(workspaceId, model.sourceId);
    const destination = await this.destinations.get(workspaceId, sync.destinationId);
    return {
      workspaceId,
      syncId: sync.id,
      syncName: sync.name,
      sourceType: source.type,
      destinationType: destination.type,
    };
  }
}

function alreadyFinished(status: string): SynclineError {
  return new SynclineError(ErrorCode.BadUserInput, 'run already finished', { details: { status } });
}
