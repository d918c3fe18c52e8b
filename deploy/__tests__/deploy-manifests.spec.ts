/**
 * Checks of the deployment files that need nothing but Node: the Dockerfiles' COPY sources and entry points,
 * the Compose services, and every configured variable against the config schema the processes validate at
 * boot. The schema validations (Compose specification, strict Kubernetes schemas) need the PyPI validators
 * and run with the integration specs (deploy-schemas.int.spec.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configSchema } from '@syncline/config';
import { dockerCmd, readDockerfile } from '@syncline/testing';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const K8S_DIR = join(ROOT, 'deploy/k8s');
const DOCKERFILES = ['api.Dockerfile', 'worker.Dockerfile'].map((f) => join(ROOT, 'deploy/docker', f));
const KNOWN_VARIABLES = new Set(Object.keys(configSchema.shape));

const k8sFiles = () =>
  readdirSync(K8S_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(K8S_DIR, f));

describe('docker-compose.yml', () => {
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
