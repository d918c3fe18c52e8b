/**
 * Starts PyPI fakesnow's server (from the project's .venv) on a free port, behind the JSON-rowset proxy, for
 * one test file. Snowflake SQL runs on fakesnow's in-memory DuckDB; nothing leaves the machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startFakesnowProxy, type FakesnowCredentials } from './fakesnow-proxy';

export interface Fakesnow {
  /** Give this as the source's `accessUrl`. */
  accessUrl: string;
  stop(): Promise<void>;
}

const REPO_ROOT = join(__dirname, '..', '..', '..');

export function fakesnowExecutable(): string {
  const local = join(REPO_ROOT, '.venv', 'bin', 'fakesnow');
  return process.env.FAKESNOW_BIN ?? (existsSync(local) ? local : 'fakesnow');
}

export async function startFakesnow(credentials: FakesnowCredentials): Promise<Fakesnow> {
  const port = await freePort();
  const child = spawn(fakesnowExecutable(), ['-s', '-p', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  try {
    await waitForPort(port, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const proxy = await startFakesnowProxy(port, credentials);
  return {
    accessUrl: proxy.url,
    stop: async () => {
      await proxy.close();
      await stopChild(child);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`fakesnow exited (${child.exitCode}): ${output()}`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`fakesnow did not listen on ${port} within 30 s: ${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
