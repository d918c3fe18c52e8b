/**
 * The worker's only HTTP surface (it serves no public API): `/health` (readiness), `/health/live` and
 * `/metrics` on WORKER_HTTP_PORT, for Docker health checks, Kubernetes probes and Prometheus. A bare
 * node:http server: three routes do not justify an HTTP framework in the worker.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SynclineConfig } from '@syncline/config';
import type { WorkerMetrics } from '../metrics/worker-metrics';
import { SyncWorkerService } from '../temporal/sync-worker.service';
import { WORKER_CONFIG, WORKER_METRICS } from '../worker.tokens';
import { workerIsAlive, workerReadiness } from './worker-health';

const CORE_SCRAPE_TIMEOUT_MS = 2_000;

@Injectable()
export class WorkerHttpService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHttpService.name);
  private server?: Server;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: SynclineConfig,
    @Inject(WORKER_METRICS) private readonly metrics: WorkerMetrics,
    private readonly syncWorker: SyncWorkerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        this.logger.error(`${req.url ?? ''}: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.WORKER_HTTP_PORT, () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.logger.log(`Health and metrics on :${port} (/health, /health/live, /metrics)`);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return json(res, 405, { error: 'only GET is served' });
    if (path === '/health/live') {
      const { state } = this.syncWorker.status();
      return json(res, workerIsAlive(state) ? 200 : 503, {
        status: workerIsAlive(state) ? 'ok' : 'failed',
        worker: state,
      });
    }
    if (path === '/health') {
      const report = await workerReadiness(this.syncWorker.status());
      return json(res, report.status === 'ok' ? 200 : 503, report);
    }
    if (path === '/metrics') {
      const body = (await this.metrics.registry.metrics()) + (await this.coreMetrics());
      res.writeHead(200, { 'Content-Type': this.metrics.registry.contentType, 'Cache-Control': 'no-store' });
      res.end(body);
      return;
    }
    json(res, 404, { error: 'not found' });
  }

  /**
   * The Temporal Core SDK exports its own metrics (pollers, task latencies, slots) on a local port; they
   * are appended here so Prometheus scrapes one endpoint per worker. Missing them never fails the scrape.
   */
  private async coreMetrics(): Promise<string> {
    if (this.config.TEMPORAL_METRICS_PORT === 0) return '';
    try {
      const res = await fetch(`http://127.0.0.1:${this.config.TEMPORAL_METRICS_PORT}/metrics`, {
        signal: AbortSignal.timeout(CORE_SCRAPE_TIMEOUT_MS),
      });
      return res.ok ? `\n${await res.text()}` : '';
    } catch (err) {
      this.logger.warn(
        `Temporal SDK metrics unavailable: ${err instanceof Error ? err.message : String(err)}`,
      );
      return '';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
