/** A destination's rate limit as the API shows and takes it (see libs/domain RateLimit). */
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@ObjectType('RateLimit')
export class RateLimitDto {
  @Field(() => Int, { description: 'Requests allowed per window.' }) requests!: number;
  @Field(() => Int, { description: 'Window length in milliseconds.' }) perMs!: number;
  @Field(() => Int, { description: 'Requests in flight at once, across every worker.' }) concurrency!: number;
}

@InputType()
export class RateLimitInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(1_000_000) requests!: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(86_400_000) perMs!: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(1_000) concurrency!: number;
}
