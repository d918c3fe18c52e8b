/**
 * The worker's Prometheus registry: Node process metrics plus what sync runs did on this process
 * (activity outcomes, rows delivered, runs finished). Plain prom-client, no Nest, so tests and
 * createSyncWorker can use it directly.
 */
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

export class WorkerMetrics {
  readonly registry = new Registry();

  readonly activityExecutions = new Counter({
    name: 'syncline_activity_executions_total',
    help: 'Activity attempts executed by this worker, by activity and outcome',
    labelNames: ['activity', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly rowsDelivered = new Counter({
    name: 'syncline_rows_delivered_total',
    help: 'Rows written to destinations by this worker, by the outcome the destination reported',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly runsFinished = new Counter({
    name: 'syncline_sync_runs_finished_total',
    help: 'Sync runs committed by this worker, by final status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
