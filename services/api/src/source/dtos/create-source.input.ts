/** Input of createSource: the config is checked against the connector's spec, then stored encrypted. */
import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';

@InputType()
export class CreateSourceInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => String) @IsString() @IsNotEmpty() type!: string;
  @Field(() => GraphQLJSONObject) @IsObject() config!: Record<string, unknown>;
}
