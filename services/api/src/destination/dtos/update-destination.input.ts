/** Input of updateDestination: `config` is a patch merged into the stored config (`null` removes a key). */
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';
import { RateLimitInput } from './rate-limit.dto';

@InputType()
export class UpdateDestinationInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptional() @IsObject() config?: Record<
    string,
    unknown
  >;
  @Field(() => RateLimitInput, {
    nullable: true,
    description: "null: back to the connector's default limit.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitInput)
  rateLimit?: RateLimitInput | null;
}
