/** The answer of testSource / testDestination: whether Syncline can reach it with the stored config. */
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ConnectionCheck')
export class CheckResultDto {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => String) message!: string;
}
