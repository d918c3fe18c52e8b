/** Two projects: fast unit specs, and integration specs against real Postgres and a real Temporal dev server. */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] };
const roots = [
  '<rootDir>/libs',
  '<rootDir>/connectors',
  '<rootDir>/activities',
  '<rootDir>/workflows',
  '<rootDir>/services',
  '<rootDir>/scripts',
  '<rootDir>/deploy',
];

module.exports = {
  // Jest 30 reads testTimeout only at the top level; integration tests start real runs through Temporal.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      roots,
      transform,
      testEnvironment: 'node',
      testMatch: ['**/__tests__/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$'],
    },
    {
      displayName: 'integration',
      roots,
      transform,
      testEnvironment: 'node',
      testMatch: ['**/__tests__/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};
