/** Inputs of createTrait / updateTrait; the definition's problems come back as INVALID_AUDIENCE with paths. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';

@InputType()
export class CreateTraitInput {
  @Field(() => String, { description: 'A column name: letters, digits, underscores.' })
  @IsString()
  name!: string;
  @Field(() => ID) @IsString() @IsNotEmpty() parentModelId!: string;
  @Field(() => GraphQLJSON) @IsDefined() definition!: unknown;
}

@InputType()
export class UpdateTraitInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() name?: string;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() definition?: unknown;
}
