/**
 * What the worker's probes answer. Readiness: the SDK worker is RUNNING (polling) and the Temporal
 * frontend answers its gRPC health check. Liveness fails only when the worker has FAILED, so an
 * orchestrator restarts it; draining on SIGTERM is still "alive".
 */
import type { NativeConnection, State } from '@temporalio/worker';

const CHECK_DEADLINE_MS = 3_000;

export interface WorkerHealthReport {
  status: 'ok' | 'unavailable';
  worker: State | 'STARTING';
  temporal: 'up' | 'down';
  error?: string;
}

export async function workerReadiness(status: {
  state: State | 'STARTING';
  connection?: NativeConnection;
}): Promise<WorkerHealthReport> {
  let temporal: WorkerHealthReport['temporal'] = 'down';
  let error: string | undefined;
  if (status.connection) {
    const connection = status.connection;
    try {
      await connection.withDeadline(Date.now() + CHECK_DEADLINE_MS, () => connection.healthService.check({}));
      temporal = 'up';
    } catch (err) {
      error = `Temporal health check failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const ok = status.state === 'RUNNING' && temporal === 'up';
  return { status: ok ? 'ok' : 'unavailable', worker: status.state, temporal, ...(error ? { error } : {}) };
}

export function workerIsAlive(state: State | 'STARTING'): boolean {
  return state !== 'FAILED';
}
