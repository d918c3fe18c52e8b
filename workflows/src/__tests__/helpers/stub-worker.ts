/**
 * What a workflow spec runs on: Temporal's time-skipping test server and a worker with the real workflow
 * bundle and the spec's stub activities. Call at the top of a describe block (it registers beforeAll/afterAll).
 */
import type { SyncActivities } from '@syncline/activities';
import { createTimeSkippingEnv } from '@syncline/testing/src/time-skipping';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

export interface StubWorker {
  env: TestWorkflowEnvironment;
  taskQueue: string;
}

export function useStubWorker(taskQueue: string, activities: () => Partial<SyncActivities>): StubWorker {
  const bed = { taskQueue } as StubWorker;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    bed.env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: bed.env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../index'),
      activities: activities(),
    });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await bed.env?.teardown();
  });
  return bed;
}
