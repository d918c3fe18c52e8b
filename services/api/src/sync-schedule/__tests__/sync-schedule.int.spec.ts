/**
 * Sync schedules realised as Temporal Schedules: an interval schedule's tick runs the sync through the same
 * start-or-queue path, pausing pauses the Temporal Schedule, deleting the sync deletes it. Ticks are fired
 * with the schedule's trigger instead of waiting for intervals in real time (pausing itself is Temporal's).
 */
import { syncScheduleId } from '@syncline/contracts';
import { waitFor } from '@syncline/testing';
import { ScheduleNotFoundError } from '@temporalio/client';
import { startTriggerTestEnv, type TriggerTestEnv } from '../../__tests__/helpers/trigger-test-env';

// Long enough that no tick fires by itself during the test: the test fires them.
const INTERVAL_SECONDS = 3600;

describe('sync schedules (Temporal Schedules)', () => {
  let env: TriggerTestEnv;

  beforeAll(async () => {
    env = await startTriggerTestEnv('schedule');
  });

  afterAll(async () => {
    await env?.close();
  });

  const schedule = (syncId: string) => env.worker.client.schedule.getHandle(syncScheduleId(syncId));

  it('runs the sync on a tick, pauses, and is deleted with its sync', async () => {
    const syncId = await env.createSync({
      rows: 5,
      schedule: { type: 'interval', intervalSeconds: INTERVAL_SECONDS },
    });
    const described = await schedule(syncId).describe();
    expect(described.memo).toMatchObject({ syncId });
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'triggerSyncs' });
    expect(described.spec.intervals).toMatchObject([{ every: INTERVAL_SECONDS * 1000 }]);
    await schedule(syncId).trigger();

    await waitFor(
      async () => {
        const runs = await env.runsOf(syncId);
        return runs.some((r) => r.trigger === 'schedule' && r.status === 'success') ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'a scheduled run to succeed' },
    );

    const paused = await env.gql<{ pauseSyncSchedule: { schedule: { paused: boolean } } }>(
      `mutation($id: ID!) { pauseSyncSchedule(id: $id) { schedule { paused } } }`,
      { id: syncId },
    );
    expect(paused.data!.pauseSyncSchedule.schedule.paused).toBe(true);
    expect((await schedule(syncId).describe()).state.paused).toBe(true);
    await env.waitForRunsToFinish(syncId, 1);

    const resumed = await env.gql(`mutation($id: ID!) { resumeSyncSchedule(id: $id) { id } }`, {
      id: syncId,
    });
    expect(resumed.errors).toBeUndefined();
    expect((await schedule(syncId).describe()).state.paused).toBe(false);

    const deleted = await env.gql(`mutation($id: ID!) { deleteSync(id: $id) { id } }`, { id: syncId });
    expect(deleted.errors).toBeUndefined();
    await expect(schedule(syncId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });

  it('realises a cron schedule in its time zone and drops it when the sync goes back to manual', async () => {
    const syncId = await env.createSync({
      schedule: { type: 'cron', cron: '0 6 * * 1-5', timezone: 'Europe/Paris' },
    });
    const spec = (await schedule(syncId).describe()).spec;
    expect(spec.timezone).toBe('Europe/Paris');
    expect(spec.calendars?.length ?? 0).toBeGreaterThan(0);

    const manual = await env.gql(
      `mutation($input: UpdateSyncInput!) { updateSync(input: $input) { schedule { type } } }`,
      { input: { id: syncId, schedule: { type: 'manual' } } },
    );
    expect(manual.errors).toBeUndefined();
    await expect(schedule(syncId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });

  it('refuses an unknown time zone before saving anything', async () => {
    const res = await env.gql(`mutation($input: UpdateSyncInput!) { updateSync(input: $input) { id } }`, {
      input: {
        id: await env.createSync(),
        schedule: { type: 'cron', cron: '0 6 * * *', timezone: 'Mars/Olympus' },
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Mars\/Olympus/);
  });
});
