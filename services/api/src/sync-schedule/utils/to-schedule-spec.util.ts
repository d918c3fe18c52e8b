/** The Temporal ScheduleSpec of a timed schedule (interval or cron with its time zone). */
import type { SyncSchedule } from '@syncline/domain';
import type { ScheduleSpec } from '@temporalio/client';

export function toScheduleSpec(schedule: Extract<SyncSchedule, { type: 'interval' | 'cron' }>): ScheduleSpec {
  if (schedule.type === 'interval') return { intervals: [{ every: schedule.intervalSeconds * 1000 }] };
  return { cronExpressions: [schedule.expression], timezone: schedule.timezone };
}
