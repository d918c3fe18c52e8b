// Lint rules that keep the layout honest: workflows stay deterministic, connectors stay free of NestJS,
// promises are never left floating.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

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
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
    },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
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
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'https',
                'net',
                'crypto',
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
              message:
                'Workflows are deterministic: import only @temporalio/workflow, @syncline/contracts and activity types.',
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
        ['@nestjs/*', '@syncline/api', '@syncline/worker'],
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
