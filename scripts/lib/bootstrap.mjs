/** First-run installs shared by `npm start` and `npm test`: npm dependencies when node_modules is missing. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function ensureNodeModules() {
  if (existsSync(path.join(ROOT, 'node_modules', '.bin', 'jest'))) return;
  console.log('Installing npm dependencies (npm ci) …');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci failed');
}
