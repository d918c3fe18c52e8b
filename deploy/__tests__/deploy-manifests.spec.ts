/**
 * CI checks of the deployment files without a Docker engine or a cluster: docker-compose.yml against the
 * Compose specification's JSON schema (check-jsonschema's vendored copy), deploy/k8s against Kubernetes'
 * strict schemas (kubernetes-validate), the Dockerfiles' COPY sources and entry points, and every
 * configured variable against the config schema the processes validate at boot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configSchema } from '@syncline/config';
import { dockerCmd, readDockerfile } from '@syncline/testing';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const K8S_DIR = join(ROOT, 'deploy/k8s');
const K8S_VERSION = '1.33.0';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validators = require('../../scripts/lib/deploy-validators.cjs') as {
  DEPLOY_VALIDATOR_BINARIES: [string, string];
};
const [CHECK_JSONSCHEMA, KUBERNETES_VALIDATE] = validators.DEPLOY_VALIDATOR_BINARIES;
const DOCKERFILES = ['api.Dockerfile', 'worker.Dockerfile'].map((f) => join(ROOT, 'deploy/docker', f));
const KNOWN_VARIABLES = new Set(Object.keys(configSchema.shape));

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

  it('runs Postgres, Temporal, the migration, the API, two workers and the demo run, with health checks', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<
        string,
        { healthcheck?: unknown; deploy?: { replicas?: number }; environment?: object }
      >;
    };
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'demo-run',
      'migrate',
      'postgres',
      'temporal',
      'worker',
    ]);
    expect(compose.services.worker?.deploy?.replicas).toBe(2);
    for (const name of ['postgres', 'temporal', 'api', 'worker'])
      expect(compose.services[name]?.healthcheck).toBeDefined();
    expect(existsSync(join(ROOT, 'scripts/trigger-demo-run.mjs'))).toBe(true);
    for (const name of ['api', 'worker', 'migrate']) {
      const unknown = Object.keys(compose.services[name]?.environment ?? {}).filter(
        (v) => !KNOWN_VARIABLES.has(v) && v !== 'DEMO_API_KEY_FILE',
      );
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
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

  it('configure only variables the processes know, and probe real health endpoints', () => {
    const docs = k8sFiles().flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJSON()));
    const config = docs.find((d) => d.kind === 'ConfigMap');
    const secret = docs.find((d) => d.kind === 'Secret');
    const keys = [...Object.keys(config.data), ...Object.keys(secret.stringData)];
    expect(keys.filter((k) => !KNOWN_VARIABLES.has(k))).toEqual([]);
    const probes = JSON.stringify(docs.filter((d) => d.kind === 'Deployment'));
    expect(probes).toContain('"path":"/health"');
    expect(probes).toContain('"path":"/health/live"');
    expect(docs.map((d) => d.kind).sort()).toEqual(
      expect.arrayContaining(['HorizontalPodAutoscaler', 'Ingress', 'Job', 'PodDisruptionBudget', 'Service']),
    );
  });
});

describe.each(DOCKERFILES)('%s', (dockerfile) => {
  const instructions = readDockerfile(dockerfile);

  it('copies only paths that exist in the build context', () => {
    const sources = instructions
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(existsSync(join(ROOT, source))).toBe(true);
  });

  it('installs production dependencies only and runs as a non-root user', () => {
    expect(instructions.some((i) => i.keyword === 'RUN' && i.args.includes('npm ci --omit=dev'))).toBe(true);
    expect(instructions.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    expect(instructions.filter((i) => i.keyword === 'USER').pop()?.args).toBe('1000:1000');
  });

  it('starts an entry point that exists, through a loader that is a production dependency', () => {
    const [node, ...args] = dockerCmd(dockerfile);
    expect(node).toBe('node');
    expect(args.slice(0, 2)).toEqual(['-r', '@swc-node/register']);
    const entry = args[2] ?? '';
    expect(existsSync(join(ROOT, entry))).toBe(true);
    const service = /^services\/(\w+)\//.exec(entry)?.[1] ?? '';
    const pkg = JSON.parse(readFileSync(join(ROOT, 'services', service, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['@swc-node/register', '@swc/core']),
    );
  });
});
