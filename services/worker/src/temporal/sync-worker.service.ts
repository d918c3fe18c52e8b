/**
 * Hosts the Temporal Worker in the Nest application context: starts polling at bootstrap and, on
 * shutdown (SIGTERM/SIGINT), stops polling and waits for in-flight activities to checkpoint.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SynclineConfig } from '@syncline/config';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ACTIVITY_DEPS, WORKER_CONFIG } from '../worker.tokens';
import type { ActivityDeps } from '@syncline/activities';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await createSyncWorker({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      deps: this.deps,
      shutdownGraceTimeMs: this.config.WORKER_SHUTDOWN_GRACE_MS,
    });
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error(`Temporal worker stopped: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    });
    this.logger.log(
      `Polling task queue "${this.config.TEMPORAL_TASK_QUEUE}" on ${this.config.TEMPORAL_ADDRESS}`,
    );
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') {
      this.logger.log(`Shutting down (${signal ?? 'no signal'}): letting in-flight activities checkpoint`);
      this.worker.shutdown();
    }
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
