/** Row counts of a run by outcome (planned, succeeded, failed, deferred, aborted), each split by change kind. */
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OpCounts')
export class OpCountsDto {
  @Field(() => Int) added!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) removed!: number;
}

@ObjectType('RunCounts')
export class RunCountsDto {
  @Field(() => OpCountsDto) planned!: OpCountsDto;
  @Field(() => OpCountsDto) succeeded!: OpCountsDto;
  @Field(() => OpCountsDto) failed!: OpCountsDto;
  @Field(() => OpCountsDto, { description: 'Rows the destination asked to get again later (sent by the next run).' })
  deferred!: OpCountsDto;
  @Field(() => OpCountsDto) aborted!: OpCountsDto;
}
