/**
 * When a sync (or a sync sequence) runs by itself. Stored on the record in the control plane, which is the
 * source of truth; `interval` and `cron` are realised as one Temporal Schedule each, `dbt_cloud` by the
 * dbt Cloud webhook (a run of the linked job that succeeded), `manual` by nothing.
 */
export type SyncSchedule =
  | { type: 'manual' }
  | { type: 'interval'; intervalSeconds: number }
  /** Five-field cron, evaluated in an IANA time zone (e.g. Europe/Paris); UTC when not given. */
  | { type: 'cron'; expression: string; timezone: string }
  | { type: 'dbt_cloud'; accountId: string; jobId: string };

export type SyncScheduleType = SyncSchedule['type'];
export const SYNC_SCHEDULE_TYPES: readonly SyncScheduleType[] = ['manual', 'interval', 'cron', 'dbt_cloud'];

/** Whether the schedule needs a Temporal Schedule (the others are triggered from outside or by hand). */
export function isTimedSchedule(
  schedule: SyncSchedule | null | undefined,
): schedule is Extract<SyncSchedule, { type: 'interval' | 'cron' }> {
  return schedule?.type === 'interval' || schedule?.type === 'cron';
}
