/**
 * Changing a sync while a run is going: settings the run pinned (mapping, mode, the model's SQL, the source's
 * CDC engine) are saved at once and apply from the next run; deleting the sync, which would delete the run
 * under its feet, is refused with SYNC_RUN_IN_PROGRESS until the run has ended.
 */
import { waitFor } from '@syncline/testing';
import { startTriggerTestEnv, type TriggerTestEnv } from '../../__tests__/helpers/trigger-test-env';

describe('sync changes during a run', () => {
  let env: TriggerTestEnv;

  beforeAll(async () => {
    env = await startTriggerTestEnv('in-progress');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('saves pinned settings for the next run and refuses to delete the sync until the run ends', async () => {
    const syncId = await env.createSync({ rows: 5, slowSeconds: 3 });
    const run = await env.gql<{ runSync: { id: string } }>(
      `mutation($input: RunSyncInput!) { runSync(input: $input) { id } }`,
      { input: { syncId } },
    );
    expect(run.errors).toBeUndefined();
    // The plan has pinned the run's settings (its model query then sleeps for 3 s).
    await waitFor(
      async () =>
        (
          await env.worker.pool.query('SELECT 1 FROM sync_run WHERE id = $1 AND settings IS NOT NULL', [
            run.data!.runSync.id,
          ])
        ).rowCount
          ? true
          : undefined,
      { timeoutMs: 60_000, what: 'the plan to pin the run settings' },
    );

    const updated = await env.gql<{ updateSync: { mapping: unknown; mode: string } }>(
      `mutation($input: UpdateSyncInput!) { updateSync(input: $input) { mapping mode } }`,
      {
        input: {
          id: syncId,
          mode: 'insert',
          mapping: [
            { from: 'id', to: 'customer_id' },
            { from: 'email', to: 'email' },
          ],
        },
      },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSync.mode).toBe('insert');

    const refused = await env.gql(`mutation($id: ID!) { deleteSync(id: $id) { id } }`, { id: syncId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('SYNC_RUN_IN_PROGRESS');
    expect(refused.errors?.[0]?.message).toMatch(/cancel/);

    await env.waitForRunsToFinish(syncId, 1);
    const [finished] = await env.runsOf(syncId);
    // The run finished as planned: upsert with the three mapped fields, not the mode saved meanwhile.
    expect(finished?.status).toBe('success');
    const { rows } = await env.worker.pool.query<{ settings: { mode: string; mapping: unknown[] } }>(
      'SELECT settings FROM sync_run WHERE id = $1',
      [run.data!.runSync.id],
    );
    expect(rows[0]?.settings.mode).toBe('upsert');
    expect(rows[0]?.settings.mapping).toHaveLength(3);

    const deleted = await env.gql(`mutation($id: ID!) { deleteSync(id: $id) { id } }`, { id: syncId });
    expect(deleted.errors).toBeUndefined();
  });
});
