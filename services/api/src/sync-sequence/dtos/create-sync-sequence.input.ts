/** Input of createSyncSequence. */
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SyncScheduleInput } from '../../sync-schedule/dtos/sync-schedule.input';
import { SyncSequenceStepInput } from './sync-sequence-step.input';

@InputType()
export class CreateSyncSequenceInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => [SyncSequenceStepInput], { description: 'Run in this order.' })
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SyncSequenceStepInput)
  steps!: SyncSequenceStepInput[];
  @Field(() => SyncScheduleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SyncScheduleInput)
  schedule?: SyncScheduleInput;
}
