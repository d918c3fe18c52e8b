/** Turns a SyncScheduleInput into the stored SyncSchedule, or BAD_USER_INPUT naming what is missing. */
import type { SyncSchedule } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { assertUnreachable } from '../../errors/assert-unreachable.util';
import type { SyncScheduleInput } from '../dtos/sync-schedule.input';

// Minute, hour, day of month, month, day of week; Temporal checks the values themselves.
const CRON = /^\s*\S+\s+\S+\s+\S+\s+\S+\s+\S+\s*$/;

function bad(message: string): SynclineError {
  return new SynclineError(ErrorCode.BadUserInput, `Invalid schedule: ${message}`);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function parseSyncSchedule(input: SyncScheduleInput): SyncSchedule {
  switch (input.type) {
    case 'manual':
      return { type: 'manual' };
    case 'interval':
      if (!input.intervalSeconds || input.intervalSeconds < 1)
        throw bad('an interval schedule needs intervalSeconds ≥ 1');
      return { type: 'interval', intervalSeconds: input.intervalSeconds };
    case 'cron': {
      if (!input.cron || !CRON.test(input.cron))
        throw bad('a cron schedule needs a five-field cron expression, e.g. "0 6 * * 1-5"');
      const timezone = input.timezone ?? 'UTC';
      if (!isTimeZone(timezone))
        throw bad(`unknown time zone "${timezone}" (use an IANA name such as Europe/Paris)`);
      return { type: 'cron', expression: input.cron.trim(), timezone };
    }
    case 'dbt_cloud':
      if (!input.dbtCloudAccountId || !input.dbtCloudJobId)
        throw bad('a dbt_cloud schedule needs dbtCloudAccountId and dbtCloudJobId');
      return { type: 'dbt_cloud', accountId: input.dbtCloudAccountId, jobId: input.dbtCloudJobId };
    default:
      return assertUnreachable(input.type);
  }
}
