/**
 * Installs the Temporal Core runtime once per process, before any connection: it decides where the
 * Core SDK's metrics go. With TEMPORAL_METRICS_PORT set they are served on 127.0.0.1 only — the worker's
 * own /metrics merges them in, so Prometheus needs one port per worker pod.
 */
import type { SynclineConfig } from '@syncline/config';
import { Runtime } from '@temporalio/worker';

export function installTemporalRuntime(config: Pick<SynclineConfig, 'TEMPORAL_METRICS_PORT'>): void {
  if (config.TEMPORAL_METRICS_PORT === 0) return;
  Runtime.install({
    telemetryOptions: {
      metrics: { prometheus: { bindAddress: `127.0.0.1:${config.TEMPORAL_METRICS_PORT}` } },
    },
  });
}
