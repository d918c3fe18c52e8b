/** One step of a sync sequence: the sync and when its outcome stops the chain. */
import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNotEmpty, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';

@InputType()
export class SyncSequenceStepInput {
  @Field(() => ID) @IsString() @IsNotEmpty() syncId!: string;
  @Field(() => Boolean, {
    defaultValue: true,
    description: 'Stop the chain when this run fails or is cancelled.',
  })
  @IsBoolean()
  stopOnFailure!: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'Stop the chain when more than this % of planned rows were rejected.',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  maxRejectedPercent?: number | null;
}
