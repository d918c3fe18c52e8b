/** Input of createDestination: the config is checked against the connector's spec, then stored encrypted. */
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';
import { RateLimitInput } from './rate-limit.dto';

@InputType()
export class CreateDestinationInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => String) @IsString() @IsNotEmpty() type!: string;
  @Field(() => GraphQLJSONObject) @IsObject() config!: Record<string, unknown>;
  @Field(() => RateLimitInput, {
    nullable: true,
    description: "Overrides the connector's documented default limit for this account.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitInput)
  rateLimit?: RateLimitInput | null;
}
