/**
 * The API's Prometheus registry: Node process metrics plus sync-run trigger counters. Its own registry
 * (not prom-client's global one) so several apps in one test process never register a metric twice.
 */
import { Injectable } from '@nestjs/common';
import type { SyncRunTrigger } from '@syncline/contracts';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

@Injectable()
export class ApiMetricsService {
  readonly registry = new Registry();

  private readonly runTriggers = new Counter({
    name: 'syncline_sync_run_triggers_total',
    help: 'Sync-run triggers accepted by the API (a trigger while a run is going joins that run)',
    labelNames: ['trigger'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  runTriggered(trigger: SyncRunTrigger): void {
    this.runTriggers.inc({ trigger });
  }
}
