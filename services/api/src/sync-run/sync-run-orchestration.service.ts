/**
 * Starting and cancelling sync runs through Temporal. Every trigger ends in the same start call with
 * workflow id `sync-<syncId>` and USE_EXISTING, so a second trigger while a run is going returns that
 * run instead of starting another. The run row is inserted with ON CONFLICT DO NOTHING because the
 * worker's plan activity upserts the same row: whichever side writes first, both stay idempotent.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  SYNC_RUN_WORKFLOW,
  type SyncRunInput,
  type SyncRunResult,
  type SyncRunTrigger,
  syncRunWorkflowId,
  TERMINAL_RUN_STATUSES,
} from '@syncline/contracts';
import { emptyRunCounts, SyncRunEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { Repository } from 'typeorm';
import { InjectConfig, type SynclineConfig } from '../config/config.token';
import { DestinationService } from '../destination/destination.service';
import { ModelService } from '../model/model.service';
import { SourceService } from '../source/source.service';
import { SyncService } from '../sync/sync.service';
import { DestinationTypeKey, SourceTypeKey, SyncIdKey } from '../temporal/search-attributes';
import type { RunSyncInput } from './dtos/run-sync.input';
import { SyncRunService } from './sync-run.service';
import { isOrchestratorUnreachable } from './utils/is-orchestrator-unreachable.util';

type SyncRunWorkflow = (input: SyncRunInput) => Promise<SyncRunResult>;

// Bounds each Temporal call: an unreachable server must answer the user, not hang the request.
const TEMPORAL_CALL_DEADLINE_MS = 5_000;

@Injectable()
export class SyncRunOrchestrationService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @InjectConfig() private readonly config: SynclineConfig,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    private readonly syncRuns: SyncRunService,
    private readonly syncs: SyncService,
    private readonly models: ModelService,
    private readonly sources: SourceService,
    private readonly destinations: DestinationService,
  ) {}

  /** Starts a run of the sync, or returns the one already running. */
  async start(workspaceId: string, input: RunSyncInput, trigger: SyncRunTrigger): Promise<SyncRunEntity> {
    const sync = await this.syncs.get(workspaceId, input.syncId);
    const model = await this.models.get(workspaceId, sync.modelId);
    const source = await this.sources.get(workspaceId, model.sourceId);
    const destination = await this.destinations.get(workspaceId, sync.destinationId);
    const workflowId = syncRunWorkflowId(sync.id);
    const args: SyncRunInput = { syncId: sync.id, trigger, fullResync: input.fullResync ?? false };

    const handle = await this.callTemporal(() =>
      this.temporal.workflow.start<SyncRunWorkflow>(SYNC_RUN_WORKFLOW, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [args],
        typedSearchAttributes: [
          { key: SyncIdKey, value: sync.id },
          { key: SourceTypeKey, value: source.type },
          { key: DestinationTypeKey, value: destination.type },
        ],
        memo: { syncName: sync.name },
      }),
    );
    // With USE_EXISTING this is the running run's id when one was already going.
    const runId = handle.firstExecutionRunId;
    await this.runs
      .createQueryBuilder()
      .insert()
      .into(SyncRunEntity)
      .values({
        id: runId,
        workflowId,
        status: 'queued',
        trigger,
        fullResync: args.fullResync ?? false,
        counts: emptyRunCounts(),
        workspaceId,
        syncId: sync.id,
      })
      .orIgnore()
      .execute();
    return this.syncRuns.get(workspaceId, runId);
  }

  /** Asks Temporal to cancel the run; the worker records the `cancelled` status when it stops. */
  async cancel(workspaceId: string, runId: string): Promise<SyncRunEntity> {
    const run = await this.syncRuns.get(workspaceId, runId);
    if (TERMINAL_RUN_STATUSES.includes(run.status)) throw alreadyFinished(run.status);
    try {
      await this.callTemporal(() => this.temporal.workflow.getHandle(run.workflowId, run.id).cancel());
    } catch (err) {
      // Temporal answers "not found" for an execution that already completed.
      if (err instanceof WorkflowNotFoundError) throw alreadyFinished(run.status);
      throw err;
    }
    return this.syncRuns.get(workspaceId, runId);
  }

  private async callTemporal<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.temporal.withDeadline(Date.now() + TEMPORAL_CALL_DEADLINE_MS, fn);
    } catch (err) {
      if (!isOrchestratorUnreachable(err)) throw err;
      const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = this.config;
      throw new SynclineError(
        ErrorCode.OrchestratorUnavailable,
        `Temporal is unreachable at TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS} (namespace ${TEMPORAL_NAMESPACE}); try again when it is up`,
        { cause: err },
      );
    }
  }
}

function alreadyFinished(status: string): SynclineError {
  return new SynclineError(ErrorCode.BadUserInput, 'run already finished', { details: { status } });
}
