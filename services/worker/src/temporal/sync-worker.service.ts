/**
 * Hosts the Temporal Worker in the Nest application context: starts polling at bootstrap and, on
 * shutdown (SIGTERM/SIGINT), stops polling and waits for in-flight activities to checkpoint.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { temporalConnectionOptions, type SynclineConfig } from '@syncline/config';
import { NativeConnection, Worker, type State } from '@temporalio/worker';
import { ACTIVITY_DEPS, WORKER_CONFIG, WORKER_METRICS } from '../worker.tokens';
import type { ActivityDeps } from '@syncline/activities';
import type { WorkerMetrics } from '../metrics/worker-metrics';
import { createSyncWorker } from './create-sync-worker';

@Injectable()
export class SyncWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SyncWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: SynclineConfig,
    @Inject(ACTIVITY_DEPS) private readonly deps: ActivityDeps,
    @Inject(WORKER_METRICS) private readonly metrics: WorkerMetrics,
  ) {}

  /** What /health reports: the SDK worker's state (STARTING until it exists) and its connection. */
  status(): { state: State | 'STARTING'; connection?: NativeConnection } {
    return { state: this.worker?.getState() ?? 'STARTING', connection: this.connection };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config));
    const bundlePath = this.config.WORKFLOW_BUNDLE_PATH;
    this.worker = await createSyncWorker({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      deps: this.deps,
      shutdownGraceTimeMs: this.config.WORKER_SHUTDOWN_GRACE_MS,
      maxConcurrentActivities: this.config.WORKER_MAX_CONCURRENT_ACTIVITIES,
      workflowBundle: bundlePath ? { codePath: bundlePath } : undefined,
      metrics: this.metrics,
    });
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error(`Temporal worker stopped: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    });
    this.logger.log(
      `Polling task queue "${this.config.TEMPORAL_TASK_QUEUE}" on ${this.config.TEMPORAL_ADDRESS}` +
        ` (workflows ${bundlePath ? `from the bundle ${bundlePath}` : 'bundled at start'})`,
    );
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.worker) {
      this.logger.log(
        `Shutting down (${signal ?? 'no signal'}): letting in-flight activities checkpoint for up to ` +
          `${this.config.WORKER_SHUTDOWN_GRACE_MS} ms`,
      );
      // The SDK's runtime may already have started the shutdown on the same signal.
      if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    }
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
