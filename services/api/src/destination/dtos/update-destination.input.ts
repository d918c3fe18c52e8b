/** Input of updateDestination: `config` is a patch merged into the stored config (`null` removes a key). */
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';

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
}
