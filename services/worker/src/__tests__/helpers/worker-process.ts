/**
 * The worker as a real OS process, started with the argv of the worker image's CMD (so a broken
 * entry point fails here, not in production): output captured, health polled, exit observed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { dockerCmd, waitFor } from '@syncline/testing';

export const REPO_ROOT = resolve(__dirname, '../../../../..');
export const WORKER_DOCKERFILE = resolve(REPO_ROOT, 'deploy/docker/worker.Dockerfile');

export interface WorkerProcess {
  child: ChildProcess;
  httpPort: number;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and how long after `since` it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  get(path: string): Promise<Response>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** `env` is the container's environment; the image's own ENV (bundle path, ports) is passed by the caller. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const [node, ...args] = dockerCmd(WORKER_DOCKERFILE);
  if (node !== 'node') throw new Error(`worker image CMD starts ${node}, expected node`);
  const httpPort = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT, // the image's WORKDIR holds the same tree
    env: { PATH: process.env.PATH ?? '', ...env, WORKER_HTTP_PORT: String(httpPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, at: Date.now() })),
  );
  const get = (path: string) =>
    fetch(`http://127.0.0.1:${httpPort}${path}`, { signal: AbortSignal.timeout(5_000) });
  const worker: WorkerProcess = { child, httpPort, output: () => out, exited, get };
  // Compiling TypeScript on start takes a few seconds on a 2-core box; the bundle spares webpack.
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${out}`);
      return (await get('/health')).ok ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: 'the worker process to report healthy' },
  ).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${String(err)}\n--- worker output ---\n${out}`);
  });
  return worker;
}
