/** A real Temporal worker for integration tests: unique task queue, real Postgres, real dev server. */
import { randomBytes } from 'node:crypto';
import { SecretBox } from '@syncline/crypto';
import { createDataSource } from '@syncline/db';
import {
  SYNC_RUN_WORKFLOW,
  syncRunWorkflowId,
  type SyncRunInput,
  type SyncRunResult,
} from '@syncline/contracts';
import { testTemporalAddress } from '@syncline/testing';
import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createSyncWorker } from '../../temporal/create-sync-worker';

export interface TestWorker {
  taskQueue: string;
  client: Client;
  pool: Pool;
  /** Starts (or joins) the run of a sync, like the control plane does. */
  startRun(syncId: string, input?: Partial<SyncRunInput>): Promise<WorkflowHandle>;
  runToCompletion(syncId: string, input?: Partial<SyncRunInput>): Promise<SyncRunResult>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/** The SDK logs every worker state change at INFO; tests keep warnings and errors only. */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export async function startTestWorker(
  controlPlaneUrl: string,
  encryptionKey: string,
  taskQueue = `test-syncs-${randomBytes(4).toString('hex')}`,
): Promise<TestWorker> {
  quietRuntime();
  const nativeConnection = await NativeConnection.connect({ address: testTemporalAddress() });
  const connection = await Connection.connect({ address: testTemporalAddress() });
  const client = new Client({ connection });
  const pool = new Pool({ connectionString: controlPlaneUrl, max: 5 });
  const dataSource = await createDataSource(controlPlaneUrl).initialize();
  const worker: Worker = await createSyncWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: { dataSource, pool, secretBox: new SecretBox(encryptionKey) },
    shutdownGraceTimeMs: 5_000,
    maxConcurrentActivities: 20,
  });
  const running = worker.run();

  const startRun = (syncId: string, input: Partial<SyncRunInput> = {}) =>
    client.workflow.start(SYNC_RUN_WORKFLOW, {
      taskQueue,
      workflowId: syncRunWorkflowId(syncId),
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [{ syncId, trigger: 'api', ...input } satisfies SyncRunInput],
      memo: { syncName: 'test sync' },
    });

  return {
    taskQueue,
    client,
    pool,
    startRun,
    runToCompletion: async (syncId, input) =>
      (await startRun(syncId, input)).result() as Promise<SyncRunResult>,
    stop: async () => {
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
      await pool.end();
      await dataSource.destroy();
    },
  };
}
