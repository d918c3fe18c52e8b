/**
 * `npm start`: the whole of Syncline on one machine, from a fresh clone with no configuration.
 *
 * Installs what is missing (npm dependencies, the Temporal CLI), then starts in order: PostgreSQL (embedded
 * under .data/postgres unless DATABASE_URL is set), the Temporal dev server with its Web UI (SQLite in
 * .data/temporal.db unless TEMPORAL_ADDRESS is set), migrations + the demo seed, the API and the worker.
 * Once the API answers it triggers the demo sync once and prints where to look. Ctrl-C stops everything
 * in reverse order; a child dying on its own stops the rest with a non-zero exit.
 *
 * `--exit-after-first-run` (alias `--check`, `npm run demo:check`): wait for the demo run to finish, print
 * its result and stop; exit 0 only when it succeeded.
 *
 * Ports: API 3000, Temporal gRPC 7233, Temporal UI 8233, embedded Postgres 54329 — each the next free one
 * when taken. Only Node built-ins are imported statically: this file runs before node_modules exists.
 */
/* global fetch, AbortSignal */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { ensureNodeModules, ROOT } from './lib/bootstrap.mjs';

const require = createRequire(import.meta.url);
const { ensureTemporalCli, startTemporalDevServer } = require('./lib/temporal-cli.cjs');
const { firstFreePort } = require('./lib/ports.cjs');
const { buildBanner } = require('./lib/banner.cjs');

const CHECK_MODE = process.argv.includes('--exit-after-first-run') || process.argv.includes('--check');
const DATA = path.join(ROOT, '.data');
const TERMINAL = ['success', 'warning', 'failed', 'cancelled', 'interrupted'];
const NODE_TS = [process.execPath, '-r', '@swc-node/register'];

const log = (msg) => console.log(`[start] ${msg}`);

/** Started services, in start order; stopped in reverse. */
const stack = [];
let stopping = false;

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) log(reason);
  for (const service of [...stack].reverse()) {
    try {
      await service.stop();
    } catch (err) {
      log(`stopping ${service.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  process.exit(code);
}

/** Registers a started service; its death outside a shutdown stops everything else. */
function started(name, child, stop) {
  stack.push({ name, stop });
  child.once('exit', (code, signal) => {
    if (!stopping)
      void shutdown(1, `${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest`);
  });
}

/** SYNCLINE_ENCRYPTION_KEY, else the key generated on first start and kept in .data/encryption.key. */
function encryptionKey() {
  if (process.env.SYNCLINE_ENCRYPTION_KEY) return process.env.SYNCLINE_ENCRYPTION_KEY;
  const file = path.join(DATA, 'encryption.key');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function startPostgres(lib) {
  if (process.env.DATABASE_URL) {
    log('PostgreSQL: using DATABASE_URL');
    return process.env.DATABASE_URL;
  }
  const port = await firstFreePort(54329);
  const t0 = Date.now();
  const pg = await lib.startEmbeddedPostgres({
    dataDir: path.join(DATA, 'postgres'),
    port,
    user: 'syncline',
    password: 'syncline',
    log,
    onLogLine: (line) => {
      if (/^\S.*\b(FATAL|PANIC):/.test(line)) process.stderr.write(`[postgres] ${line}\n`);
    },
  });
  started('postgres', pg.child, pg.stop);
  await lib.ensureDatabases(pg.url('postgres'), ['syncline', 'demo_warehouse']);
  log(`PostgreSQL: embedded on 127.0.0.1:${port} (${Date.now() - t0} ms)`);
  return pg.url('syncline');
}

async function startTemporal(lib) {
  if (process.env.TEMPORAL_ADDRESS) {
    log(`Temporal: using ${process.env.TEMPORAL_ADDRESS}`);
    return { address: process.env.TEMPORAL_ADDRESS, uiUrl: process.env.TEMPORAL_UI_URL };
  }
  const port = await firstFreePort(7233);
  const uiPort = await firstFreePort(8233, { taken: [port] });
  const t0 = Date.now();
  const server = await startTemporalDevServer({
    port,
    uiPort,
    dbFile: path.join(DATA, 'temporal.db'),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  lib.relayLines(server.child.stderr, '[temporal]', process.stderr);
  lib.track(server.child);
  started('temporal', server.child, server.stop);
  log(`Temporal: dev server on ${server.address}, UI ${server.uiUrl} (${Date.now() - t0} ms)`);
  return { address: server.address, uiUrl: server.uiUrl };
}

/** Migrations + demo seed in one TypeScript child; returns the ids it prints. */
function seedDemo(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_TS[0], [...NODE_TS.slice(1), 'scripts/seed-demo.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`seeding the demo failed (exit ${code})`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

async function graphql(url, apiKey, query) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.json().catch(() => undefined);
  if (res.status !== 200 || !body || body.errors?.length) {
    const detail = body?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`;
    throw new Error(detail);
  }
  return body.data;
}

/** Polls `fn` until it returns a value; the API compiles TypeScript on start, so allow minutes. */
async function poll(what, fn, { timeoutMs, intervalMs = 500 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (!stopping) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
      );
    }
    await sleep(intervalMs);
  }
  return new Promise(() => {}); // shutting down: never resolve, the process exits
}

async function main() {
  const t0 = Date.now();
  ensureNodeModules();
  ensureTemporalCli(log);
  // 0711: the postgres OS user must traverse .data to reach .data/postgres, but not list the key files.
  mkdirSync(DATA, { recursive: true });
  chmodSync(DATA, 0o711);

  const lib = { ...(await import('./lib/embedded-postgres.mjs')), ...(await import('./lib/services.mjs')) };
  process.on('exit', () => lib.killAllTracked());

  const key = encryptionKey();
  const databaseUrl = await startPostgres(lib);
  const temporal = await startTemporal(lib);
  const apiPort = process.env.API_PORT ? Number(process.env.API_PORT) : await firstFreePort(3000);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SYNCLINE_ENCRYPTION_KEY: key,
    TEMPORAL_ADDRESS: temporal.address,
    API_PORT: String(apiPort),
  };

  const { syncId, audienceSyncId } = await seedDemo({
    ...env,
    DEMO_API_KEY_FILE: path.join(DATA, 'demo-api-key'),
  });
  const apiKey = readFileSync(path.join(DATA, 'demo-api-key'), 'utf8').trim();
  log(`control plane migrated and demo seeded (sync ${syncId})`);

  for (const name of ['api', 'worker']) {
    const child = lib.startService({
      name,
      command: NODE_TS[0],
      args: [...NODE_TS.slice(1), `services/${name}/src/main.ts`],
      cwd: ROOT,
      env,
    });
    const graceMs =
      name === 'worker' ? Number(process.env.WORKER_SHUTDOWN_GRACE_MS ?? 20_000) + 5_000 : 10_000;
    started(name, child, () => lib.stopChild(child, { signal: 'SIGTERM', graceMs }));
  }

  const graphqlUrl = `http://127.0.0.1:${apiPort}/graphql`;
  await poll('the API', () => graphql(graphqlUrl, apiKey, '{ __typename }'), { timeoutMs: 180_000 });
  log(`API ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let runId;
  let audienceRunId;
  try {
    const data = await graphql(
      graphqlUrl,
      apiKey,
      `mutation { runSync(input: { syncId: "${syncId}" }) { id status } }`,
    );
    runId = data.runSync.id;
    // Customer Studio demo: the audience's treatment group into public.crm_audience.
    const audience = await graphql(
      graphqlUrl,
      apiKey,
      `mutation { runSync(input: { syncId: "${audienceSyncId}" }) { id } }`,
    );
    audienceRunId = audience.runSync.id;
  } catch (err) {
    if (CHECK_MODE) throw new Error(`runSync failed: ${err.message}`);
    log(`could not trigger the demo sync: ${err.message}`);
  }
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  console.log(
    `\n${buildBanner({ graphqlUrl, temporalUiUrl: temporal.uiUrl, namespace, syncId, apiKey, runId })}\n`,
  );
  if (!CHECK_MODE) return;

  const finished = (id) =>
    poll(
      `demo run ${id} to finish`,
      async () => {
        const data = await graphql(
          graphqlUrl,
          apiKey,
          `{ syncRun(id: "${id}") { status counts { succeeded { added } } } }`,
        );
        return TERMINAL.includes(data.syncRun?.status) ? data.syncRun : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 1_000 },
    );
  const run = await finished(runId);
  const added = run.counts?.succeeded?.added;
  log(
    `demo run ${runId}: ${run.status}, ${added} rows added (${((Date.now() - t0) / 1000).toFixed(1)} s since start)`,
  );
  const audienceRun = await finished(audienceRunId);
  log(
    `audience demo run ${audienceRunId}: ${audienceRun.status}, ${audienceRun.counts?.succeeded?.added} members added`,
  );
  const ok = run.status === 'success' && audienceRun.status === 'success';
  await shutdown(ok ? 0 : 1, 'check done; stopping');
}

// A second Ctrl-C during shutdown kills what is left (the exit handler) and leaves at once.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    void shutdown(0, 'stopping (Ctrl-C again to kill at once) …');
  });
}

main().catch((err) => void shutdown(1, `failed: ${err instanceof Error ? err.message : String(err)}`));
