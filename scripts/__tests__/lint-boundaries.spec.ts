/**
 * The module boundaries are enforced by lint, not by convention: each case lints a fixture import with the
 * repository's own ESLint config (Node API) as if it were a file of that project, and expects the rule to
 * refuse it. Only the boundary rules run (no type information needed), so the fixtures need not exist.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Lints fixtures with ESLint's Node API in a child process (jest cannot load the ESM config), running only the
 * boundary rules so no type information is needed. Input: [{file, code}] on stdin; output: messages per fixture.
 */
const LINT_FIXTURES = `
import { ESLint } from 'eslint';
import path from 'node:path';
const rules = new Set(['@nx/enforce-module-boundaries', '@typescript-eslint/no-restricted-imports', 'no-restricted-imports']);
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false } } }],
  ruleFilter: ({ ruleId }) => rules.has(ruleId),
});
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
  out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
}
process.stdout.write(JSON.stringify(out));
`;

interface Fixture {
  file: string;
  code: string;
}
const fixtures: Fixture[] = [];
let results: string[][] = [];

/** Registers a fixture now; its boundary problems are known once beforeAll has linted them all. */
function lint(file: string, code: string): () => string[] {
  const index = fixtures.push({ file, code: `${code}\nexport {};\n` }) - 1;
  return () => results[index]!;
}

beforeAll(() => {
  const env = { ...process.env, NX_DAEMON: 'false' };
  // @nx/enforce-module-boundaries reads the cached project graph (and skips itself without one).
  execFileSync(path.join(ROOT, 'node_modules/.bin/nx'), ['show', 'projects'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_FIXTURES], {
    cwd: ROOT,
    env,
    input: JSON.stringify(fixtures),
    encoding: 'utf8',
  });
  results = JSON.parse(out) as string[][];
}, 120_000);

describe('lint boundaries', () => {
  const WORKFLOW = 'workflows/src/fixture.workflow.ts';
  const CONNECTOR = 'connectors/destinations/webhook/fixture.ts';
  const ACTIVITY = 'activities/src/fixture.activity.ts';
  const APP = 'services/api/src/fixture.ts';

  const cleanWorkflow = lint(
    WORKFLOW,
    `import { sleep } from '@temporalio/workflow';
     import { syncRunWorkflowId } from '@syncline/contracts';
     import type { SyncActivities } from '@syncline/activities';
     export type A = SyncActivities; export const f = [sleep, syncRunWorkflowId];`,
  );
  it('lets a workflow import @temporalio/workflow, the contracts and activity types', () => {
    expect(cleanWorkflow()).toEqual([]);
  });

  const workflowViolations = [
    ['os', `import { hostname } from 'os'; export const h = hostname;`],
    ['node:os', `import { hostname } from 'node:os'; export const h = hostname;`],
    ['timers/promises', `import { setTimeout } from 'timers/promises'; export const t = setTimeout;`],
    [
      'node:timers/promises',
      `import { setTimeout } from 'node:timers/promises'; export const t = setTimeout;`,
    ],
    ['fs/promises', `import { readFile } from 'fs/promises'; export const r = readFile;`],
    [
      'a value import of activities',
      `import { createActivities } from '@syncline/activities'; export const c = createActivities;`,
    ],
    [
      'a relative import into activities',
      `import type { SyncActivities } from '../../activities/src/create-activities'; export type A = SyncActivities;`,
    ],
    ['@syncline/db', `import { SyncEntity } from '@syncline/db'; export const s = SyncEntity;`],
  ].map(([what, code]) => [what!, lint(WORKFLOW, code!)] as const);
  it.each(workflowViolations)('refuses a workflow importing %s', (_what, found) => {
    expect(found()).not.toEqual([]);
  });

  const cleanConnector = lint(
    CONNECTOR,
    `import { ErrorCode } from '@syncline/errors';
     import type { DestinationRecord } from '@syncline/domain';
     import { writeIsolating } from '../../kit/write-isolating';
     export type R = DestinationRecord; export const x = [ErrorCode, writeIsolating];`,
  );
  it('lets a connector import the kit, errors and domain', () => {
    expect(cleanConnector()).toEqual([]);
  });

  const connectorViolations = [
    ['@syncline/db', `import { SyncEntity } from '@syncline/db'; export const s = SyncEntity;`],
    ['NestJS', `import { Injectable } from '@nestjs/common'; export const i = Injectable;`],
    [
      'an activity',
      `import { createActivities } from '@syncline/activities'; export const c = createActivities;`,
    ],
  ].map(([what, code]) => [what!, lint(CONNECTOR, code!)] as const);
  it.each(connectorViolations)('refuses a connector importing %s', (_what, found) => {
    expect(found().join('\n')).toMatch(/enforce-module-boundaries|no-restricted-imports/);
  });

  const activityViolations = [
    [
      'the worker app',
      `import { createSyncWorker } from '@syncline/worker'; export const w = createSyncWorker;`,
    ],
    ['NestJS', `import { Module } from '@nestjs/common'; export const m = Module;`],
  ].map(([what, code]) => [what!, lint(ACTIVITY, code!)] as const);
  it.each(activityViolations)('refuses an activity importing %s', (_what, found) => {
    expect(found()).not.toEqual([]);
  });

  const appImportsApp = lint(
    APP,
    `import { createSyncWorker } from '@syncline/worker'; export const w = createSyncWorker;`,
  );
  const appImportsLib = lint(APP, `import { SyncEntity } from '@syncline/db'; export const s = SyncEntity;`);
  it('refuses an app importing another app, and lets it import libs', () => {
    expect(appImportsApp().join('\n')).toMatch(/enforce-module-boundaries/);
    expect(appImportsLib()).toEqual([]);
  });
});
