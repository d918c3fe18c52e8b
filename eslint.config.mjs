// Lint rules that keep the layout honest: module boundaries by Nx project tag (package.json `nx.tags`),
// workflows deterministic, connectors free of NestJS and the control-plane database, promises never floating.
// `npm run lint` computes the Nx project graph first: without a cached graph @nx/enforce-module-boundaries
// skips itself (eslint-boundaries.spec.ts fails then, so a skipped rule cannot pass unnoticed).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

/** Every Node builtin, bare and `node:` forms, subpaths included (`timers/promises`, `fs/promises`, …). */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]);
const WORKFLOW_MESSAGE =
  'Workflows are deterministic: import only @temporalio/workflow, @syncline/contracts and activity types (import type).';

/** Which project tags each tag may import (the design's boundaries; see STYLE.md). */
const DEP_CONSTRAINTS = [
  // Workflows: contracts, and activity *types* (value imports are banned below).
  { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:contracts', 'type:activity'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:core', 'type:util', 'type:contracts'] },
  {
    sourceTag: 'type:data',
    onlyDependOnLibsWithTags: ['type:core', 'type:util', 'type:data', 'type:contracts'],
    bannedExternalImports: ['@nestjs/*'],
  },
  // Connectors: the kit (inside the package), errors, domain and pure helpers; never the control plane.
  {
    sourceTag: 'type:connector',
    onlyDependOnLibsWithTags: ['type:core', 'type:util'],
    bannedExternalImports: ['@nestjs/*', 'typeorm'],
  },
  {
    sourceTag: 'type:activity',
    onlyDependOnLibsWithTags: ['type:core', 'type:util', 'type:data', 'type:contracts', 'type:connector'],
    bannedExternalImports: ['@nestjs/*'],
  },
  // Apps: anything but another app.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:core',
      'type:util',
      'type:data',
      'type:contracts',
      'type:connector',
      'type:activity',
      'type:workflow',
    ],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:core', 'type:util', 'type:data', 'type:contracts'],
  },
];

/** Tests may also use the test helpers; the API's end-to-end tests run a real worker (an app). */
const TEST_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((c) => ({
  ...c,
  onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing', 'type:connector', 'type:data'],
}));

const boundaries = (depConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allowCircularSelfDependency: true,
    // The launcher's plain-CommonJS helpers (no project of their own), shared by npm start and the tests.
    allow: ['/scripts/lib/[a-z-]+\\.cjs$'],
    depConstraints,
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.scratch/**',
      '.venv-bench/**',
      '.venv/**',
      '.data/**',
      '.nx/**',
      '.cache/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin, '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      '@nx/enforce-module-boundaries': boundaries(DEP_CONSTRAINTS),
    },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
  },
  {
    files: ['**/__tests__/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(TEST_DEP_CONSTRAINTS) },
  },
  {
    files: ['services/api/**/__tests__/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(
        TEST_DEP_CONSTRAINTS.map((c) =>
          c.sourceTag === 'type:app'
            ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:app'] }
            : c,
        ),
      ),
    },
  },
  {
    // Nest's DI reads constructor parameter types at runtime, so these imports must stay value imports.
    files: ['services/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/__tests__/**'],
    rules: {
      // Type-only imports are erased: workflows may name activity types (proxyActivities<SyncActivities>).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: WORKFLOW_MESSAGE })),
          patterns: [
            {
              group: [
                'pg',
                'typeorm',
                '@nestjs/*',
                '@syncline/*',
                '!@syncline/contracts',
                '@temporalio/activity',
                '@temporalio/worker',
                '@temporalio/client',
                '**/activities/**',
                '**/connectors/**',
                '**/libs/**',
              ],
              allowTypeImports: true,
              message: WORKFLOW_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['connectors/**/*.ts', 'activities/**/*.ts', 'libs/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['@nestjs/*', '@syncline/api', '@syncline/worker', '@syncline/api/*', '@syncline/worker/*'],
        'Connectors, activities and libs never depend on NestJS or an app.',
      ),
    },
  },
  {
    files: ['**/__tests__/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        URL: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
