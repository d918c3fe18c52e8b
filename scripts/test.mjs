/**
 * `npm test`: unit specs, then integration specs against the real Postgres and a real Temporal dev server
 * (started once by the jest global setup). Installs what is missing first, like `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureNodeModules } from './lib/bootstrap.mjs';

const require = createRequire(import.meta.url);
ensureNodeModules();
require('./lib/temporal-cli.cjs').ensureTemporalCli();
require('./lib/deploy-validators.cjs').ensureDeployValidators();

const extra = process.argv.slice(2);
const jest = ['node_modules/.bin/jest'];
const steps = [
  [...jest, '--selectProjects', 'unit', ...extra],
  [...jest, '--selectProjects', 'integration', '--runInBand', ...extra],
];
for (const [cmd, ...args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
