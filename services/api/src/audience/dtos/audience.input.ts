/**
 * Inputs of the audience mutations. `definition` is the condition tree as JSON (version 1); its problems come
 * back as INVALID_AUDIENCE, each with its node path.
 */
import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';

@InputType()
export class CreateAudienceInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => ID, { description: 'The parent model of the schema (usually users).' })
  @IsString()
  @IsNotEmpty()
  parentModelId!: string;
  @Field(() => GraphQLJSON, { description: '{ version: 1, type: "and" | "or", conditions: [...] }' })
  @IsDefined()
  definition!: unknown;
}

@InputType()
export class UpdateAudienceInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() definition?: unknown;
}

@InputType()
export class SplitGroupInput {
  @Field(() => String) @IsString() name!: string;
  @Field(() => Float, { description: 'Up to two decimals; all groups sum to 100.' })
  @IsNumber()
  percent!: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() holdout?: boolean;
}

@InputType()
export class SetAudienceSplitsInput {
  @Field(() => ID) @IsString() @IsNotEmpty() audienceId!: string;
  @Field(() => [SplitGroupInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SplitGroupInput)
  groups!: SplitGroupInput[];
}
