/** Input of updateSyncSequence: only the fields given change. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SyncScheduleInput } from '../../sync-schedule/dtos/sync-schedule.input';
import { SyncSequenceStepInput } from './sync-sequence-step.input';

@InputType()
export class UpdateSyncSequenceInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => [SyncSequenceStepInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SyncSequenceStepInput)
  steps?: SyncSequenceStepInput[];
  @Field(() => SyncScheduleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SyncScheduleInput)
  schedule?: SyncScheduleInput;
}
