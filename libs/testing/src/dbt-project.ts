/**
 * Builds the fixture dbt project (fixtures/dbt-shop) against a test Postgres database with the real dbt-core +
 * dbt-postgres from the project's .venv: `dbt run` materializes the model and writes target/manifest.json
 * with compiled SQL, relation names and tests — what a user's CI would upload.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface BuiltDbtProject {
  manifestPath: string;
  cleanup(): void;
}

export function dbtExecutable(): string {
  const local = join(REPO_ROOT, '.venv', 'bin', 'dbt');
  return process.env.DBT_BIN ?? (existsSync(local) ? local : 'dbt');
}

/** `databaseUrl` must already hold raw.customers (customer_id, email, plan, active). */
export async function buildDbtProject(databaseUrl: string, schema = 'analytics'): Promise<BuiltDbtProject> {
  const dir = mkdtempSync(join(tmpdir(), 'sl-dbt-'));
  cpSync(join(__dirname, '..', 'fixtures', 'dbt-shop'), dir, { recursive: true });
  const url = new URL(databaseUrl);
  writeFileSync(
    join(dir, 'profiles.yml'),
    JSON.stringify({
      syncline_test: {
        target: 'test',
        outputs: {
          test: {
            type: 'postgres',
            host: url.hostname,
            port: Number(url.port || 5432),
            user: decodeURIComponent(url.username),
            password: decodeURIComponent(url.password),
            dbname: url.pathname.slice(1),
            schema,
            threads: 1,
          },
        },
      },
    }),
  );
  try {
    await run(dbtExecutable(), ['run', '--project-dir', dir, '--profiles-dir', dir, '--no-use-colors'], {
      env: { ...process.env, DBT_SEND_ANONYMOUS_USAGE_STATS: 'false', DO_NOT_TRACK: '1' },
      timeout: 120_000,
    });
  } catch (err) {
    const out = err as { stdout?: string; stderr?: string };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`dbt run failed: ${out.stdout ?? ''}${out.stderr ?? ''}`);
  }
  return {
    manifestPath: join(dir, 'target', 'manifest.json'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
