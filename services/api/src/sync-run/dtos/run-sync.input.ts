/** Input of runSync. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';

@InputType()
export class RunSyncInput {
  @Field(() => ID) @IsString() @IsNotEmpty() syncId!: string;
  @Field(() => Boolean, { nullable: true, description: 'Send every current row again as added.' })
  @IsOptional()
  @IsBoolean()
  fullResync?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Mark the current model result as delivered without sending anything.',
  })
  @IsOptional()
  @IsBoolean()
  resetCDC?: boolean;
}
