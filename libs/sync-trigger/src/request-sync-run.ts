/**
 * Starts the run of a sync or queues one behind the running one. No execution of workflow `sync-<syncId>`
 * open: start one for this request (FAIL on conflict). One open: send it the `requestRun` update; the
 * workflow is the single place that decides, and its answer names the run this request joined (THE queued
 * one, new or existing), so concurrent triggers never race each other. The run's record is then queued in the
 * sync-run store (which leaves a row the plan step or a concurrent trigger wrote first as it is).
 */
import { randomUUID } from 'node:crypto';
import {
  REQUEST_SYNC_RUN_UPDATE,
  type SEARCH_ATTRIBUTES,
  SYNC_RUN_WORKFLOW,
  type SyncRunInput,
  type SyncRunRequest,
  type SyncRunRequestResult,
  type SyncRunResult,
  type SyncRunTrigger,
  syncRunWorkflowId,
} from '@syncline/contracts';
import type { SyncRunStore } from '@syncline/db';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

type SyncRunWorkflow = (input: SyncRunInput) => Promise<SyncRunResult>;

/** The facts a run's workflow carries for operators (search attributes, memo). */
export interface SyncRunTarget {
  workspaceId: string;
  syncId: string;
  syncName: string;
  sourceType: string;
  destinationType: string;
}

export interface RequestSyncRunOptions {
  taskQueue: string;
  trigger: SyncRunTrigger;
  fullResync?: boolean;
  resetCDC?: boolean;
}

const keys = {
  SyncId: defineSearchAttributeKey('SyncId', SearchAttributeType.KEYWORD),
  SourceType: defineSearchAttributeKey('SourceType', SearchAttributeType.KEYWORD),
  DestinationType: defineSearchAttributeKey('DestinationType', SearchAttributeType.KEYWORD),
} satisfies Record<keyof typeof SEARCH_ATTRIBUTES, unknown>;

// A request can find an execution that closes before it takes the update; it then starts a new one.
const MAX_ATTEMPTS = 3;

export async function requestSyncRun(
  client: Client,
  runs: SyncRunStore,
  target: SyncRunTarget,
  options: RequestSyncRunOptions,
): Promise<SyncRunRequestResult> {
  const request: SyncRunRequest = {
    runId: randomUUID(),
    trigger: options.trigger,
    fullResync: options.fullResync ?? false,
    resetCDC: options.resetCDC ?? false,
  };
  const result = await sendRequest(client, target, options.taskQueue, request);
  await runs.queue({
    id: result.runId,
    workspaceId: target.workspaceId,
    syncId: target.syncId,
    trigger: result.trigger,
    fullResync: result.fullResync,
  });
  return result;
}

async function sendRequest(
  client: Client,
  target: SyncRunTarget,
  taskQueue: string,
  request: SyncRunRequest,
): Promise<SyncRunRequestResult> {
  const workflowId = syncRunWorkflowId(target.syncId);
  for (let attempt = 1; ; attempt++) {
    // No run going: this request is the run. Starting needs no worker, so a trigger is accepted (and
    // runs later) even while every worker is down.
    try {
      await client.workflow.start<SyncRunWorkflow>(SYNC_RUN_WORKFLOW, {
        workflowId,
        taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [
          {
            syncId: target.syncId,
            runId: request.runId,
            trigger: request.trigger,
            fullResync: request.fullResync,
            resetCDC: request.resetCDC,
          },
        ],
        typedSearchAttributes: [
          { key: keys.SyncId, value: target.syncId },
          { key: keys.SourceType, value: target.sourceType },
          { key: keys.DestinationType, value: target.destinationType },
        ],
        // runId: which sync run this execution is running (the workflow updates it on continue-as-new).
        memo: { syncName: target.syncName, runId: request.runId },
      });
      return { ...request, state: 'running' };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    // A run is going: only its workflow knows whether a run is already queued, so it answers.
    try {
      return await client.workflow
        .getHandle(workflowId)
        .executeUpdate<SyncRunRequestResult, [SyncRunRequest]>(REQUEST_SYNC_RUN_UPDATE, { args: [request] });
    } catch (err) {
      // The run ended between the two calls: start again.
      if (!(err instanceof WorkflowNotFoundError) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}
