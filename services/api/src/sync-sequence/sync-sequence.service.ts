/**
 * Sync sequences of one workspace: CRUD (every step's sync checked to be in the workspace), runs, and the
 * sequence's schedule kept in step with its Temporal Schedule. A run is workflow `sequence-<id>`: a second
 * runSyncSequence while one is going returns that one.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  SYNC_SEQUENCE_WORKFLOW,
  syncSequenceScheduleId,
  syncSequenceWorkflowId,
  type SyncSequenceInput,
  type SyncSequenceStep,
} from '@syncline/contracts';
import { SyncSequenceEntity } from '@syncline/db';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { InjectConfig, type SynclineConfig } from '../config/config.token';
import { SyncScheduleService } from '../sync-schedule/sync-schedule.service';
import { parseSyncSchedule } from '../sync-schedule/utils/parse-sync-schedule.util';
import { SyncService } from '../sync/sync.service';
import { callTemporal } from '../temporal/call-temporal.util';
import type { CreateSyncSequenceInput } from './dtos/create-sync-sequence.input';
import type { SyncSequenceStepInput } from './dtos/sync-sequence-step.input';
import type { UpdateSyncSequenceInput } from './dtos/update-sync-sequence.input';

@Injectable()
export class SyncSequenceService {
  constructor(
    @InjectRepository(SyncSequenceEntity) private readonly sequences: Repository<SyncSequenceEntity>,
    @Inject(Client) private readonly temporal: Client,
    @InjectConfig() private readonly config: SynclineConfig,
    private readonly syncs: SyncService,
    private readonly schedules: SyncScheduleService,
  ) {}

  list(workspaceId: string): Promise<SyncSequenceEntity[]> {
    return this.sequences.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<SyncSequenceEntity> {
    return findInWorkspace(this.sequences, 'sync sequence', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateSyncSequenceInput): Promise<SyncSequenceEntity> {
    const schedule = input.schedule ? parseSyncSchedule(input.schedule) : null;
    const steps = await this.steps(workspaceId, input.steps);
    const saved = await this.sequences.save(
      this.sequences.create({ workspaceId, name: input.name, steps, schedule }),
    );
    await this.schedules.applyForSequence(saved);
    return saved;
  }

  async update(workspaceId: string, input: UpdateSyncSequenceInput): Promise<SyncSequenceEntity> {
    const sequence = await this.get(workspaceId, input.id);
    if (input.name !== undefined) sequence.name = input.name;
    if (input.steps) sequence.steps = await this.steps(workspaceId, input.steps);
    if (input.schedule) sequence.schedule = parseSyncSchedule(input.schedule);
    const saved = await this.sequences.save(sequence);
    await this.schedules.applyForSequence(saved);
    return saved;
  }

  async setSchedulePaused(workspaceId: string, id: string, paused: boolean): Promise<SyncSequenceEntity> {
    const sequence = await this.get(workspaceId, id);
    sequence.schedulePaused = paused;
    const saved = await this.sequences.save(sequence);
    await this.schedules.applyForSequence(saved);
    return saved;
  }

  async delete(workspaceId: string, id: string): Promise<SyncSequenceEntity> {
    const sequence = await this.get(workspaceId, id);
    await this.sequences.delete({ id, workspaceId });
    await this.schedules.remove(syncSequenceScheduleId(id));
    return sequence;
  }

  /** Starts a run of the sequence, or returns the one going. */
  async run(workspaceId: string, id: string): Promise<{ workflowId: string; runId: string }> {
    const sequence = await this.get(workspaceId, id);
    const args: [SyncSequenceInput] = [{ sequenceId: sequence.id, steps: sequence.steps, trigger: 'manual' }];
    const handle = await callTemporal(this.temporal, this.config, () =>
      this.temporal.workflow.start(SYNC_SEQUENCE_WORKFLOW, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: syncSequenceWorkflowId(sequence.id),
        workflowIdConflictPolicy: 'USE_EXISTING',
        args,
        memo: { sequenceName: sequence.name, workspaceId },
      }),
    );
    return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
  }

  private async steps(workspaceId: string, input: SyncSequenceStepInput[]): Promise<SyncSequenceStep[]> {
    for (const step of input) await this.syncs.get(workspaceId, step.syncId);
    return input.map((s) => ({
      syncId: s.syncId,
      stopOnFailure: s.stopOnFailure,
      maxRejectedPercent: s.maxRejectedPercent ?? null,
    }));
  }
}
