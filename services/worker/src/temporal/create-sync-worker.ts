/**
 * Builds the Temporal Worker that runs sync runs: the workflows of `workflows/` and the activities of
 * `activities/`, polling the sync task queue. Usable without Nest (tests, scripts).
 */
import { createActivities, type ActivityDeps } from '@syncline/activities';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { activityMetricsInterceptor } from '../metrics/activity-metrics.interceptor';
import type { WorkerMetrics } from '../metrics/worker-metrics';

export interface SyncWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** How long in-flight activities get to checkpoint when the worker shuts down. */
  shutdownGraceTimeMs: number;
  maxConcurrentActivities: number;
  /** A pre-built bundle (production images); otherwise workflows/ is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Counts activity outcomes, delivered rows and finished runs for /metrics. */
  metrics?: WorkerMetrics;
}

export const WORKFLOWS_PATH = require.resolve('@syncline/workflows');

export function createSyncWorker(options: SyncWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.deps),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: WORKFLOWS_PATH }),
    shutdownGraceTime: options.shutdownGraceTimeMs,
    ...(options.metrics ? { interceptors: { activity: [activityMetricsInterceptor(options.metrics)] } } : {}),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities,
  });
}
