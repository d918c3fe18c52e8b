/**
 * Worker processes as production runs them (the image's CMD, the pre-built workflow bundle) for chaos
 * tests and the delivery benchmark: start them, kill them, read what they said.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO_ROOT, startWorkerProcess, type WorkerProcess } from './worker-process';

/** Exactly the image's build step (worker.Dockerfile RUN): the bundle a production worker loads. */
export function buildWorkflowBundle(): string {
  const bundlePath = join(mkdtempSync(join(tmpdir(), 'sl-bundle-')), 'workflow-bundle.js');
  const bundled = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'services/worker/src/cli/bundle-workflows.ts', bundlePath],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  if (bundled.status !== 0) throw new Error(`bundle:workflows failed:\n${bundled.stderr}`);
  return bundlePath;
}

export interface WorkerFleetOptions {
  controlPlaneUrl: string;
  encryptionKey: string;
  temporalAddress: string;
  taskQueue: string;
  bundlePath: string;
  env?: Record<string, string>;
}

export interface WorkerFleet {
  readonly workers: WorkerProcess[];
  start(count?: number): Promise<WorkerProcess[]>;
  /** SIGKILL: no drain, no checkpoint, no goodbye — what an OOM kill or a lost node does. */
  kill9(worker: WorkerProcess): Promise<void>;
  stopAll(): Promise<void>;
}

export function workerFleet(options: WorkerFleetOptions): WorkerFleet {
  const workers: WorkerProcess[] = [];
  const alive = (w: WorkerProcess) => w.child.exitCode === null && w.child.signalCode === null;
  const startOne = async () => {
    const worker = await startWorkerProcess({
      DATABASE_URL: options.controlPlaneUrl,
      SYNCLINE_ENCRYPTION_KEY: options.encryptionKey,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      WORKFLOW_BUNDLE_PATH: options.bundlePath,
      WORKER_SHUTDOWN_GRACE_MS: '2000',
      TEMPORAL_METRICS_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...options.env,
    });
    workers.push(worker);
    return worker;
  };
  return {
    workers,
    start: (count = 1) => Promise.all(Array.from({ length: count }, startOne)),
    async kill9(worker) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    },
    async stopAll() {
      await Promise.all(
        workers.filter(alive).map(async (w) => {
          w.child.kill('SIGTERM');
          const timer = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
          await w.exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
