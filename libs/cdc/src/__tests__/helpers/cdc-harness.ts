/**
 * Drives one CDC engine at the library level against real Postgres (a warehouse and a control plane):
 * plan a run, play the destination (accept, reject or leave rows unattempted), commit. The same harness
 * runs both engines so the shared suite proves they agree.
 */
import { randomUUID } from 'node:crypto';
import { postgresSource } from '@syncline/connectors/sources/postgres';
import type { OpCounts, RunCounts } from '@syncline/contracts';
import type { CdcEngine, DuplicateKeyPolicy, FieldMapping, RecordOutcome } from '@syncline/domain';
import {
  ControlPlaneBuilder,
  pgConnectorConfig,
  testEncryptionKey,
  type SyncFixture,
} from '@syncline/testing';
import type { Pool } from 'pg';
import { commitInWarehouse } from '../../warehouse/commit-in-warehouse';
import { planInWarehouse } from '../../warehouse/plan-in-warehouse';
import { commitManaged } from '../../managed/commit-managed';
import { planManaged } from '../../managed/plan-managed';
import type { PlanOutcome } from '../../plan-request';
import { readStagedChanges, recordOutcomes, type StagedChange } from '../../staged-changes';
import { postgresDialect } from '../../warehouse/dialects/postgres.dialect';

export interface PlannedRun {
  runId: string;
  outcome: PlanOutcome;
  changes: StagedChange[];
  /** key → op, for compact assertions. */
  ops: Record<string, string>;
}

export interface RunOptions {
  fullResync?: boolean;
  resetCDC?: boolean;
  /** Plays a destination that keeps delivered fields (Braze). */
  keepDeliveredFields?: boolean;
}

export class CdcHarness {
  private fixture!: SyncFixture;
  private builder!: ControlPlaneBuilder;

  constructor(
    readonly engine: CdcEngine,
    private readonly pool: Pool,
    private readonly controlPlaneUrl: string,
    private readonly warehouseUrl: string,
  ) {}

  async createSync(
    modelSql: string,
    mapping: FieldMapping[],
    duplicateKeyPolicy: DuplicateKeyPolicy = 'exclude',
  ): Promise<void> {
    this.builder ??= await ControlPlaneBuilder.connect(this.controlPlaneUrl, testEncryptionKey());
    this.fixture = await this.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(this.warehouseUrl), cdcEngine: this.engine },
      model: { sql: modelSql, primaryKey: 'id' },
      destination: { type: 'webhook', config: {} },
      sync: { mode: 'mirror', mapping, duplicateKeyPolicy },
    });
    this.modelSql = modelSql;
    this.mapping = mapping;
    this.duplicateKeyPolicy = duplicateKeyPolicy;
  }

  private modelSql = '';
  private mapping: FieldMapping[] = [];
  private duplicateKeyPolicy: DuplicateKeyPolicy = 'exclude';

  get syncId(): string {
    return this.fixture.syncId;
  }

  async plan(options: RunOptions = {}): Promise<PlannedRun> {
    const runId = randomUUID();
    await this.pool.query(
      `INSERT INTO sync_run (id, workspace_id, sync_id, workflow_id, status, trigger, counts)
       VALUES ($1, $2, $3, 'test', 'querying', 'api', '{}')`,
      [runId, this.fixture.workspaceId, this.fixture.syncId],
    );
    const req = {
      runId,
      syncId: this.fixture.syncId,
      primaryKey: 'id',
      mapping: this.mapping,
      duplicateKeyPolicy: this.duplicateKeyPolicy,
      fullResync: options.fullResync ?? false,
      resetCDC: options.resetCDC ?? false,
      keepDeliveredFields: options.keepDeliveredFields ?? false,
    };
    const config = postgresSource.spec.parse(pgConnectorConfig(this.warehouseUrl));
    let outcome: PlanOutcome;
    if (this.engine === 'managed') {
      outcome = await planManaged(
        this.pool,
        req,
        postgresSource.query(config, this.modelSql, { batchSize: 500 }),
      );
    } else {
      const session = await postgresSource.warehouse!.openSession(config);
      try {
        outcome = await planInWarehouse(this.pool, session, postgresDialect, req, this.modelSql);
      } finally {
        await session.close();
      }
    }
    const changes = await readStagedChanges(this.pool, runId, 0, 1_000_000);
    return { runId, outcome, changes, ops: Object.fromEntries(changes.map((c) => [c.key, c.op])) };
  }

  /** Plays the destination: every change accepted unless rejected; only the first `attempt` are tried. */
  async deliver(run: PlannedRun, options: { reject?: string[]; attempt?: number } = {}): Promise<void> {
    const tried = run.changes.slice(0, options.attempt ?? run.changes.length);
    const reject = new Set(options.reject ?? []);
    const outcomes: RecordOutcome[] = tried.map((c) =>
      reject.has(c.key)
        ? { key: c.key, status: 'rejected', reason: 'test rejection' }
        : { key: c.key, status: 'accepted' },
    );
    if (outcomes.length > 0) await recordOutcomes(this.pool, run.runId, tried, outcomes);
  }

  async commit(run: PlannedRun): Promise<RunCounts> {
    if (this.engine === 'managed') return commitManaged(this.pool, run.runId, this.fixture.syncId);
    const config = postgresSource.spec.parse(pgConnectorConfig(this.warehouseUrl));
    const session = await postgresSource.warehouse!.openSession(config);
    try {
      return await commitInWarehouse(this.pool, session, postgresDialect, run.runId, this.fixture.syncId);
    } finally {
      await session.close();
    }
  }

  /** plan → deliver everything (minus rejections) → commit. */
  async run(
    options: RunOptions & { reject?: string[] } = {},
  ): Promise<{ planned: PlannedRun; counts: RunCounts }> {
    const planned = await this.plan(options);
    await this.deliver(planned, { reject: options.reject });
    return { planned, counts: await this.commit(planned) };
  }

  async close(): Promise<void> {
    await this.builder?.close();
  }
}

export const ops = (added = 0, changed = 0, removed = 0): OpCounts => ({ added, changed, removed });
