/**
 * Counts activity outcomes and reads the counts activities already return (deliver → rows, commit → run
 * status), so the activities themselves stay free of metrics code.
 */
import type { DeliverResult, SyncRunResult } from '@syncline/contracts';
import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { WorkerMetrics } from './worker-metrics';

function isDeliverResult(v: unknown): v is DeliverResult {
  return typeof v === 'object' && v !== null && 'accepted' in v && 'rejected' in v;
}

function isSyncRunResult(v: unknown): v is SyncRunResult {
  return typeof v === 'object' && v !== null && 'status' in v && typeof v.status === 'string';
}

export function activityMetricsInterceptor(metrics: WorkerMetrics): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const activity = ctx.info.activityType;
        try {
          const result = await next(input);
          metrics.activityExecutions.inc({ activity, outcome: 'completed' });
          if (activity === 'deliver' && isDeliverResult(result)) {
            metrics.rowsDelivered.inc({ outcome: 'accepted' }, result.accepted);
            metrics.rowsDelivered.inc({ outcome: 'rejected' }, result.rejected);
            // Results of deliver attempts started by an older release have no deferred count.
            if (result.deferred) metrics.rowsDelivered.inc({ outcome: 'deferred' }, result.deferred);
          }
          if (activity === 'commit' && isSyncRunResult(result))
            metrics.runsFinished.inc({ status: result.status });
          return result;
        } catch (err) {
          const outcome = ctx.cancellationSignal.aborted ? 'cancelled' : 'failed';
          metrics.activityExecutions.inc({ activity, outcome });
          throw err;
        }
      },
    },
  });
}
