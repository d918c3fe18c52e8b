/**
 * CI checks of the deployment files without a Docker engine or a cluster: docker-compose.yml against the
 * Compose specification's JSON schema (check-jsonschema's vendored copy) and deploy/k8s against Kubernetes'
 * strict schemas (kubernetes-validate). Both validators come from PyPI into .venv (`npm test` installs them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const K8S_DIR = join(ROOT, 'deploy/k8s');
const K8S_VERSION = '1.33.0';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validators = require('../../scripts/lib/deploy-validators.cjs') as {
  DEPLOY_VALIDATOR_BINARIES: [string, string];
};
const [CHECK_JSONSCHEMA, KUBERNETES_VALIDATE] = validators.DEPLOY_VALIDATOR_BINARIES;

function run(cmd: string, args: string[]): { status: number | null; output: string } {
  if (!existsSync(cmd)) throw new Error(`${cmd} is missing: run node scripts/lib/deploy-validators.cjs`);
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const k8sFiles = () =>
  readdirSync(K8S_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(K8S_DIR, f));

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const r = run(CHECK_JSONSCHEMA, ['--builtin-schema', 'vendor.compose-spec', 'docker-compose.yml']);
    expect(r.output).toContain('ok -- validation done');
    expect(r.status).toBe(0);
  });

  it('the schema check catches a misspelled service key', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'sl-compose-')), 'docker-compose.yml');
    writeFileSync(bad, 'services:\n  api:\n    image: x\n    healthchek: {}\n');
    expect(run(CHECK_JSONSCHEMA, ['--builtin-schema', 'vendor.compose-spec', bad]).status).not.toBe(0);
  });
});

describe('Kubernetes manifests', () => {
  it(`are valid against the strict Kubernetes ${K8S_VERSION} schemas`, () => {
    const r = run(KUBERNETES_VALIDATE, ['--strict', '-k', K8S_VERSION, ...k8sFiles()]);
    expect(r.output).not.toMatch(/ERROR|WARN/);
    expect(r.status).toBe(0);
  });

  it('the strict check catches a misspelled field', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'sl-k8s-')), 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\nspec: { selectr: { a: b } }\n');
    expect(run(KUBERNETES_VALIDATE, ['--strict', '-k', K8S_VERSION, bad]).status).not.toBe(0);
  });
});
