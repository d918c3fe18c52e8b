/**
 * Keeps Temporal Schedules in step with the control plane (the source of truth): one Schedule per sync
 * (`sync-schedule-<syncId>`) or sequence with an interval or cron schedule, created, updated, paused or
 * deleted whenever the record changes. A sync's Schedule starts the tiny `triggerSyncs` workflow, which
 * goes through the same start-or-queue call as every other trigger; a sequence's starts `syncSequence`.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  SYNC_SEQUENCE_WORKFLOW,
  syncScheduleId,
  syncSequenceScheduleId,
  syncSequenceWorkflowId,
  syncTriggerWorkflowId,
  TRIGGER_SYNCS_WORKFLOW,
  type SyncSequenceInput,
  type TriggerSyncsInput,
} from '@syncline/contracts';
import type { SyncEntity, SyncSequenceEntity } from '@syncline/db';
import { isTimedSchedule, type SyncSchedule } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import {
  Client,
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type ScheduleOptionsStartWorkflowAction,
  type Workflow,
} from '@temporalio/client';
import { InjectConfig, type SynclineConfig } from '../config/config.token';
import { SyncIdKey } from '../temporal/search-attributes';
import { callTemporal } from '../temporal/call-temporal.util';
import { toScheduleSpec } from './utils/to-schedule-spec.util';

const GRPC_INVALID_ARGUMENT = 3;

interface DesiredSchedule {
  scheduleId: string;
  schedule: SyncSchedule | null;
  paused: boolean;
  note: string;
  action: Omit<ScheduleOptionsStartWorkflowAction<Workflow>, 'type' | 'taskQueue'>;
  memo: Record<string, string>;
  syncId?: string;
}

@Injectable()
export class SyncScheduleService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @InjectConfig() private readonly config: SynclineConfig,
  ) {}

  applyForSync(sync: SyncEntity): Promise<void> {
    const args: [TriggerSyncsInput] = [{ syncIds: [sync.id], trigger: 'schedule' }];
    return this.apply({
      scheduleId: syncScheduleId(sync.id),
      schedule: sync.schedule,
      paused: sync.schedulePaused,
      note: `Sync "${sync.name}" (${sync.id}), workspace ${sync.workspaceId}`,
      action: { workflowType: TRIGGER_SYNCS_WORKFLOW, workflowId: syncTriggerWorkflowId(sync.id), args },
      memo: { syncId: sync.id, syncName: sync.name, workspaceId: sync.workspaceId },
      syncId: sync.id,
    });
  }

  applyForSequence(sequence: SyncSequenceEntity): Promise<void> {
    const args: [SyncSequenceInput] = [
      { sequenceId: sequence.id, steps: sequence.steps, trigger: 'schedule' },
    ];
    return this.apply({
      scheduleId: syncSequenceScheduleId(sequence.id),
      schedule: sequence.schedule,
      paused: sequence.schedulePaused,
      note: `Sync sequence "${sequence.name}" (${sequence.id}), workspace ${sequence.workspaceId}`,
      action: { workflowType: SYNC_SEQUENCE_WORKFLOW, workflowId: syncSequenceWorkflowId(sequence.id), args },
      memo: { sequenceId: sequence.id, sequenceName: sequence.name, workspaceId: sequence.workspaceId },
    });
  }

  /** Deletes the Temporal Schedule; one that does not exist is already in step. */
  async remove(scheduleId: string): Promise<void> {
    try {
      await this.call(() => this.temporal.schedule.getHandle(scheduleId).delete());
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }

  private async apply(desired: DesiredSchedule): Promise<void> {
    if (!isTimedSchedule(desired.schedule)) return this.remove(desired.scheduleId);
    const options = {
      spec: toScheduleSpec(desired.schedule),
      action: {
        type: 'startWorkflow' as const,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        ...desired.action,
      },
      // The trigger workflow only asks for a run, so it is quick: SKIP just drops a tick while one is going.
      // The run queue (at most one waiting run per sync) is what prevents overlapping runs.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' as const },
      state: { paused: desired.paused, note: desired.note },
    };
    try {
      await this.call(async () => {
        try {
          await this.temporal.schedule.create({
            scheduleId: desired.scheduleId,
            ...options,
            memo: desired.memo,
            ...(desired.syncId ? { typedSearchAttributes: [{ key: SyncIdKey, value: desired.syncId }] } : {}),
          });
        } catch (err) {
          if (!(err instanceof ScheduleAlreadyRunning)) throw err;
          await this.temporal.schedule.getHandle(desired.scheduleId).update(() => options);
        }
      });
    } catch (err) {
      if (isGrpcServiceError(err) && err.code === GRPC_INVALID_ARGUMENT)
        throw new SynclineError(ErrorCode.BadUserInput, `Invalid schedule: ${err.details}`, { cause: err });
      throw err;
    }
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return callTemporal(this.temporal, this.config, fn);
  }
}
