/**
 * Input of updateSync: only the fields given change. The model and destination are fixed for a sync's
 * life because its delivered state (CDC) belongs to that pair; create a new sync to change them.
 */
import { Field, ID, InputType } from '@nestjs/graphql';
import { DUPLICATE_KEY_POLICIES, SYNC_MODES, type DuplicateKeyPolicy, type SyncMode } from '@syncline/domain';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';
import { SyncScheduleInput } from '../../sync-schedule/dtos/sync-schedule.input';

@InputType()
export class UpdateSyncInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() destinationObject?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(SYNC_MODES, { message: `mode must be one of ${SYNC_MODES.join(', ')}` })
  mode?: SyncMode;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() mapping?: unknown;
  @Field(() => SyncScheduleInput, {
    nullable: true,
    description: 'Replaces the schedule; its Temporal Schedule follows.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SyncScheduleInput)
  schedule?: SyncScheduleInput;
  @Field(() => String, {
    nullable: true,
    description: 'Rows sharing a primary key: "exclude" them with a warning (default) or "fail" the run.',
  })
  @IsOptional()
  @IsIn(DUPLICATE_KEY_POLICIES, {
    message: `duplicateKeyPolicy must be one of ${DUPLICATE_KEY_POLICIES.join(', ')}`,
  })
  duplicateKeyPolicy?: DuplicateKeyPolicy;
  @Field(() => String, { nullable: true, description: 'The split group of an audience this sync sends.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  splitGroup?: string;
}
