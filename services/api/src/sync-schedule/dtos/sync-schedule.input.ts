/** Input of a sync's (or a sequence's) schedule; parseSyncSchedule checks which fields each type needs. */
import { Field, InputType, Int } from '@nestjs/graphql';
import { SYNC_SCHEDULE_TYPES, type SyncScheduleType } from '@syncline/domain';
import { IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';

@InputType()
export class SyncScheduleInput {
  @Field(() => String, { description: 'manual, interval, cron or dbt_cloud.' })
  @IsIn(SYNC_SCHEDULE_TYPES, { message: `type must be one of ${SYNC_SCHEDULE_TYPES.join(', ')}` })
  type!: SyncScheduleType;
  @Field(() => Int, { nullable: true, description: 'interval: seconds between runs (at least 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  intervalSeconds?: number;
  @Field(() => String, { nullable: true, description: 'cron: five-field expression, e.g. "0 6 * * 1-5".' })
  @IsOptional()
  @IsString()
  cron?: string;
  @Field(() => String, { nullable: true, description: 'cron: IANA time zone, e.g. Europe/Paris (UTC).' })
  @IsOptional()
  @IsString()
  timezone?: string;
  @Field(() => String, { nullable: true, description: 'dbt_cloud: the dbt Cloud account id.' })
  @IsOptional()
  @IsString()
  dbtCloudAccountId?: string;
  @Field(() => String, { nullable: true, description: 'dbt_cloud: the dbt Cloud job id.' })
  @IsOptional()
  @IsString()
  dbtCloudJobId?: string;
}
