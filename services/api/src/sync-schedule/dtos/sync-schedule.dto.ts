/** A schedule as the API shows it (the GraphQL mirror of SyncScheduleInput). */
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { SyncSchedule } from '@syncline/domain';

@ObjectType('SyncSchedule')
export class SyncScheduleDto {
  @Field(() => String, { description: 'manual, interval, cron or dbt_cloud.' }) type!: string;
  @Field(() => Int, { nullable: true }) intervalSeconds!: number | null;
  @Field(() => String, { nullable: true }) cron!: string | null;
  @Field(() => String, { nullable: true }) timezone!: string | null;
  @Field(() => String, { nullable: true }) dbtCloudAccountId!: string | null;
  @Field(() => String, { nullable: true }) dbtCloudJobId!: string | null;
  @Field(() => Boolean, { description: 'Paused schedules start no runs (Temporal Schedule paused too).' })
  paused!: boolean;

  static from(schedule: SyncSchedule | null, paused: boolean): SyncScheduleDto {
    const s = schedule ?? { type: 'manual' };
    return Object.assign(new SyncScheduleDto(), {
      type: s.type,
      intervalSeconds: s.type === 'interval' ? s.intervalSeconds : null,
      cron: s.type === 'cron' ? s.expression : null,
      timezone: s.type === 'cron' ? s.timezone : null,
      dbtCloudAccountId: s.type === 'dbt_cloud' ? s.accountId : null,
      dbtCloudJobId: s.type === 'dbt_cloud' ? s.jobId : null,
      paused,
    });
  }
}
