/**
 * The one owner of a sync run's record: every status transition, the settings the plan pins, the plan's
 * figures and the summary commit writes. Triggers, activities and the API call these methods; none of them
 * writes run SQL itself. Transitions only move forward: a late retry never takes a finished run back.
 */
import {
  type RunCounts,
  type RunError,
  type RunWarning,
  RUN_STEP_STATUS,
  type SyncRunStatus,
  type SyncRunTrigger,
  TERMINAL_RUN_STATUSES,
  type TerminalRunStatus,
  syncRunWorkflowId,
} from '@syncline/contracts';
import type { RunSettings } from '@syncline/domain';
import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { SyncRunEntity, emptyRunCounts } from '../entities/sync-run.entity';

export interface NewRun {
  id: string;
  workspaceId: string;
  syncId: string;
  trigger: SyncRunTrigger;
  fullResync: boolean;
}

export interface PlannedFigures {
  queryRows: number;
  skippedRows: number;
  warnings: RunWarning[];
  counts: RunCounts;
}

/** The pinned settings with the sealed connector configs they were planned with. */
export interface PinnedRun {
  run: SyncRunEntity;
  settings: RunSettings;
  sourceConfigEncrypted: string;
  destinationConfigEncrypted: string;
}

export interface RunSummary {
  status: TerminalRunStatus;
  counts: RunCounts;
  error?: RunError;
}

const TERMINAL = [...TERMINAL_RUN_STATUSES];

/** TypeORM's deep-partial type cannot see through Record<string, unknown> (jsonb details): the entity's own shape. */
const patch = (values: Partial<SyncRunEntity>) => values as QueryDeepPartialEntity<SyncRunEntity>;

export class SyncRunStore {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get runs() {
    return this.db.getRepository(SyncRunEntity);
  }

  get(runId: string): Promise<SyncRunEntity | null> {
    return this.runs.findOneBy({ id: runId });
  }

  /**
   * A trigger's run, waiting (or about to start): inserted once. The plan step may have inserted the same row
   * already, and concurrent triggers may queue the same run, so an existing row is left as it is.
   */
  async queue(run: NewRun): Promise<void> {
    await this.runs
      .createQueryBuilder()
      .insert()
      .values(patch({ ...this.fresh(run), status: 'queued' }))
      .orIgnore()
      .execute();
  }

  /** The plan step starts (or a retried attempt restarts): status `querying`, started_at kept from the first. */
  async startPlan(run: NewRun): Promise<void> {
    await this.queue(run);
    await this.runs
      .createQueryBuilder()
      .update()
      .set({
        status: RUN_STEP_STATUS.plan,
        fullResync: run.fullResync,
        startedAt: () => 'COALESCE(started_at, now())',
      })
      .where({ id: run.id, status: Not(In(TERMINAL)) })
      .execute();
  }

  /**
   * Pins what the run runs with, once: a retried plan gets the first attempt's settings back, so every attempt
   * plans the same run. Returns the pinned settings (the ones given, or those pinned before).
   */
  async pin(
    runId: string,
    settings: RunSettings,
    sealed: { source: string; destination: string },
  ): Promise<PinnedRun> {
    await this.runs
      .createQueryBuilder()
      .update()
      .set({ settings, sourceConfigEncrypted: sealed.source, destinationConfigEncrypted: sealed.destination })
      .where('id = :id AND settings IS NULL', { id: runId })
      .execute();
    const pinned = await this.pinned(runId);
    if (!pinned) throw new Error(`Sync run ${runId} has no record to pin its settings on`);
    return pinned;
  }

  /** The run with its pinned settings and sealed configs; null when it has none (planned by an older release). */
  async pinned(runId: string): Promise<PinnedRun | null> {
    const run = await this.runs
      .createQueryBuilder('r')
      .addSelect(['r.sourceConfigEncrypted', 'r.destinationConfigEncrypted'])
      .where('r.id = :id', { id: runId })
      .getOne();
    if (!run?.settings || !run.sourceConfigEncrypted || !run.destinationConfigEncrypted) return null;
    return {
      run,
      settings: run.settings,
      sourceConfigEncrypted: run.sourceConfigEncrypted,
      destinationConfigEncrypted: run.destinationConfigEncrypted,
    };
  }

  /** What the plan found: rows read and left out, warnings, planned counts. */
  async recordPlan(runId: string, figures: PlannedFigures): Promise<void> {
    await this.runs.update(
      { id: runId, status: Not(In(TERMINAL)) },
      patch({
        queryRows: figures.queryRows,
        skippedRows: figures.skippedRows,
        warnings: figures.warnings,
        counts: figures.counts,
      }),
    );
  }

  /** The deliver step starts: status `processing` (from querying; a retried attempt finds it set). */
  async startDeliver(runId: string): Promise<void> {
    await this.runs.update(
      { id: runId, status: In([RUN_STEP_STATUS.plan, RUN_STEP_STATUS.deliver]) },
      { status: RUN_STEP_STATUS.deliver },
    );
  }

  /**
   * The commit step starts: status `reporting`. Returns the run, as it was when it already ended (commit is
   * idempotent), or null when the run has no record.
   */
  async startCommit(runId: string): Promise<SyncRunEntity | null> {
    await this.runs.update(
      { id: runId, status: Not(In(TERMINAL)) },
      { status: RUN_STEP_STATUS.commit },
    );
    return this.get(runId);
  }

  /** The run's summary; the sealed config copies go (no credential outlives the run that needed it). */
  async finish(runId: string, summary: RunSummary): Promise<void> {
    await this.runs.update(
      { id: runId, status: Not(In(TERMINAL)) },
      patch({
        status: summary.status,
        counts: summary.counts,
        finishedAt: new Date(),
        errorCode: summary.error?.code ?? null,
        errorMessage: summary.error?.message ?? null,
        errorDetails: summary.error?.details ?? null,
        sourceConfigEncrypted: null,
        destinationConfigEncrypted: null,
      }),
    );
  }

  /**
   * A queued run that will never start is recorded as cancelled. Inserts first: the trigger that queued it may
   * insert its row only after the workflow answered, and then finds it there and leaves it cancelled.
   */
  async cancelQueued(runId: string, syncId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO sync_run (id, workspace_id, sync_id, workflow_id, status, trigger, counts, finished_at)
       SELECT $1, s.workspace_id, s.id, $3, 'cancelled', 'manual', $4, now() FROM sync s WHERE s.id = $2
       ON CONFLICT (id) DO NOTHING`,
      [runId, syncId, syncRunWorkflowId(syncId), JSON.stringify(emptyRunCounts())],
    );
    await this.runs.update({ id: runId, status: 'queued' }, { status: 'cancelled', finishedAt: new Date() });
  }

  /** Whether a run of this sync is queued or going. */
  async hasActiveRun(syncId: string): Promise<boolean> {
    return this.runs.exists({ where: { syncId, status: Not(In(TERMINAL)) } });
  }

  /** The status and counts of a run, for whoever waits for it to end. */
  async status(runId: string): Promise<{ status: SyncRunStatus; counts: RunCounts } | null> {
    const run = await this.runs.findOne({ where: { id: runId }, select: { status: true, counts: true } });
    return run && { status: run.status, counts: run.counts };
  }

  private fresh(run: NewRun): Partial<SyncRunEntity> {
    return {
      id: run.id,
      workspaceId: run.workspaceId,
      syncId: run.syncId,
      workflowId: syncRunWorkflowId(run.syncId),
      trigger: run.trigger,
      fullResync: run.fullResync,
      counts: emptyRunCounts(),
    };
  }
}
