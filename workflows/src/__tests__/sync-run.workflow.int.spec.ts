/**
 * The sync-run workflow's orchestration with stub activities on Temporal's time-skipping test server:
 * queueing (one running run, at most one queued, flags OR-ed), handing the queued run over with
 * continue-as-new, cancelling the running or the queued run, and a failure recorded by commit.
 */
import type { SyncActivities } from '@syncline/activities';
import {
  CANCEL_SYNC_RUN_UPDATE,
  type CommitInput,
  type PlanInput,
  REQUEST_SYNC_RUN_UPDATE,
  SYNC_RUN_WORKFLOW,
  type SyncRunInput,
  type SyncRunRequest,
  type SyncRunRequestResult,
  syncRunWorkflowId,
} from '@syncline/contracts';
import { Context, heartbeat } from '@temporalio/activity';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { useStubWorker } from './helpers/stub-worker';

const emptyCounts = () => {
  const zero = () => ({ added: 0, changed: 0, removed: 0 });
  return { planned: zero(), succeeded: zero(), failed: zero(), deferred: zero(), aborted: zero() };
};

/** Stub activities that record their calls; deliver holds until released (or cancelled) when asked to. */
class StubActivities {
  plans: PlanInput[] = [];
  commits: CommitInput[] = [];
  cancelledQueued: string[] = [];
  deliverFails?: ApplicationFailure;
  private holds: (() => void)[] = [];
  private holding = false;

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    this.holds.splice(0).forEach((resolve) => resolve());
  }

  activities(): SyncActivities {
    const stub = {
      plan: async (input: PlanInput) => {
        this.plans.push(input);
        return {
          planned: { added: 1, changed: 0, removed: 0 },
          stagedChanges: 1,
          queryRows: 1,
          skippedRows: 0,
        };
      },
      deliver: async () => {
        if (this.deliverFails) throw this.deliverFails;
        const released = new Promise<void>((resolve) =>
          this.holding ? this.holds.push(resolve) : resolve(),
        );
        // Heartbeats carry the cancellation to the activity, as the real deliver's do.
        const ctx = Context.current();
        while (this.holding) {
          heartbeat();
          await Promise.race([released, ctx.sleep(50)]);
        }
        return { attempted: 1, accepted: 1, rejected: 0, deferred: 0 };
      },
      commit: async (input: CommitInput) => {
        this.commits.push(input);
        const status =
          input.outcome === 'completed' ? 'success' : input.outcome === 'failed' ? 'failed' : 'cancelled';
        return { runId: input.runId, status, counts: emptyCounts() };
      },
      cancelQueuedRun: async (input: { runId: string }) => {
        this.cancelledQueued.push(input.runId);
      },
      requestSyncRun: async () => randomUUID(),
      awaitSyncRun: async () => ({ runId: 'x', status: 'success', counts: emptyCounts() }),
    };
    return stub as unknown as SyncActivities;
  }
}

describe('syncRun workflow (time-skipping, stub activities)', () => {
  const stubs = new StubActivities();
  const bed = useStubWorker('workflow-spec', () => stubs.activities());
  beforeEach(() => {
    stubs.plans = [];
    stubs.commits = [];
    stubs.cancelledQueued = [];
    stubs.deliverFails = undefined;
    stubs.release();
  });

  const start = (syncId: string, runId: string, extra: Partial<SyncRunInput> = {}) =>
    bed.env.client.workflow.start(SYNC_RUN_WORKFLOW, {
      taskQueue: bed.taskQueue,
      workflowId: syncRunWorkflowId(syncId),
      args: [{ syncId, runId, trigger: 'api', ...extra } satisfies SyncRunInput],
      memo: { runId },
    });

  const request = (handle: WorkflowHandle, req: Partial<SyncRunRequest> & { runId: string }) =>
    handle.executeUpdate<SyncRunRequestResult, [SyncRunRequest]>(REQUEST_SYNC_RUN_UPDATE, {
      args: [{ trigger: 'api', fullResync: false, resetCDC: false, ...req }],
    });

  it('queues at most one run behind the running one, OR-ing flags, and hands it over with continue-as-new', async () => {
    stubs.hold();
    const handle = await start('s-queue', 'run-1');
    expect(await request(handle, { runId: 'run-1' })).toMatchObject({ runId: 'run-1', state: 'running' });
    expect(await request(handle, { runId: 'run-2' })).toMatchObject({ runId: 'run-2', state: 'queued' });
    expect(await request(handle, { runId: 'run-3', fullResync: true })).toMatchObject({
      runId: 'run-2',
      state: 'queued',
      fullResync: true,
    });
    stubs.release();
    const result = await bed.env.client.workflow.getHandle(syncRunWorkflowId('s-queue')).result();
    expect(result).toMatchObject({ runId: 'run-2', status: 'success' });
    expect(stubs.plans.map((p) => [p.runId, p.fullResync])).toEqual([
      ['run-1', false],
      ['run-2', true],
    ]);
    expect(stubs.commits.map((c) => [c.runId, c.outcome])).toEqual([
      ['run-1', 'completed'],
      ['run-2', 'completed'],
    ]);
    // The execution that ran run-2 is a continue-as-new of the first, and its memo names its run.
    const described = await bed.env.client.workflow.getHandle(syncRunWorkflowId('s-queue')).describe();
    expect(described.memo).toMatchObject({ runId: 'run-2' });
  });

  it('cancels the queued run without touching the running one', async () => {
    stubs.hold();
    const handle = await start('s-cancel-queued', 'run-a');
    await request(handle, { runId: 'run-b' });
    expect(await handle.executeUpdate(CANCEL_SYNC_RUN_UPDATE, { args: ['run-b'] })).toBe('cancelled');
    expect(await handle.executeUpdate(CANCEL_SYNC_RUN_UPDATE, { args: ['run-zzz'] })).toBe('not_found');
    stubs.release();
    expect(await handle.result()).toMatchObject({ runId: 'run-a', status: 'success' });
    expect(stubs.cancelledQueued).toEqual(['run-b']);
    expect(stubs.plans.map((p) => p.runId)).toEqual(['run-a']);
  });

  it('cancels the running run: deliver stops, commit records the cancellation, the workflow ends with it', async () => {
    stubs.hold();
    const handle = await start('s-cancel-running', 'run-c');
    await request(handle, { runId: 'run-c' });
    expect(await handle.executeUpdate(CANCEL_SYNC_RUN_UPDATE, { args: ['run-c'] })).toBe('cancelling');
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    // The run's own cancellation (deliver's) is what ended the workflow.
    expect((err as WorkflowFailedError).cause?.cause).toBeInstanceOf(CancelledFailure);
    expect(stubs.commits.map((c) => [c.runId, c.outcome])).toEqual([['run-c', 'cancelled']]);
  });

  it('records a failed step through commit and fails the workflow with the error code', async () => {
    stubs.deliverFails = ApplicationFailure.create({
      type: 'INVALID_CONFIG',
      message: 'the destination table is gone',
      nonRetryable: true,
    });
    const handle = await start('s-fail', 'run-f');
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect((err as WorkflowFailedError).cause).toMatchObject({ type: 'INVALID_CONFIG' });
    expect(stubs.commits).toEqual([
      {
        runId: 'run-f',
        syncId: 's-fail',
        outcome: 'failed',
        error: { code: 'INVALID_CONFIG', message: 'the destination table is gone' },
      },
    ]);
  });
});
