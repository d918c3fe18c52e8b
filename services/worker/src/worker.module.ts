/** The worker process: a Nest application context (no HTTP server) hosting the Temporal Worker. */
import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ActivityDeps } from '@syncline/activities';
import type { SynclineConfig } from '@syncline/config';
import { SecretBox } from '@syncline/crypto';
import { createDataSource } from '@syncline/db';
import { Pool } from 'pg';
import { WorkerHttpService } from './http/worker-http.service';
import { WorkerMetrics } from './metrics/worker-metrics';
import { SyncWorkerService } from './temporal/sync-worker.service';
import { ACTIVITY_DEPS, WORKER_CONFIG, WORKER_METRICS } from './worker.tokens';

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(ACTIVITY_DEPS) private readonly deps: ActivityDeps) {}

  static forRoot(config: SynclineConfig): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        {
          provide: ACTIVITY_DEPS,
          useFactory: async (): Promise<ActivityDeps> => {
            const pool = new Pool({ connectionString: config.DATABASE_URL, max: 10 });
            // An idle connection dropped by Postgres (restart, failover) is replaced on next use; without a
            // listener the pool's 'error' event would crash the worker mid-delivery.
            pool.on('error', (err) =>
              new Logger('ControlPlanePool').warn(`idle connection lost: ${err.message}`),
            );
            return {
              dataSource: await createDataSource(config.DATABASE_URL).initialize(),
              pool,
              secretBox: new SecretBox(config.SYNCLINE_ENCRYPTION_KEY),
            };
          },
        },
        { provide: WORKER_METRICS, useFactory: () => new WorkerMetrics() },
        SyncWorkerService,
        WorkerHttpService,
      ],
    };
  }

  // Runs after SyncWorkerService has drained (module hooks run after their providers').
  async onApplicationShutdown(): Promise<void> {
    await this.deps.pool.end();
    await this.deps.dataSource.destroy();
  }
}
