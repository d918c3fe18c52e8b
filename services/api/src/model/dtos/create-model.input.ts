/**
 * Input of createModel. `kind` says how the model is defined: `sql` (give sql), `table` (give table) or `dbt`
 * (give dbt). A primary key is mandatory because CDC identifies rows by it; a dbt model defaults to the column
 * of its `unique` test.
 */
import { Field, ID, InputType } from '@nestjs/graphql';
import { MODEL_KINDS, type ModelKind } from '@syncline/models';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ModelDbtInput, ModelTableInput } from './model-source.input';

@InputType()
export class CreateModelInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => ID) @IsString() @IsNotEmpty() sourceId!: string;
  @Field(() => String, { nullable: true, description: 'sql (default), table or dbt.' })
  @IsOptional()
  @IsIn(MODEL_KINDS)
  kind?: ModelKind;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() sql?: string;
  @Field(() => ModelTableInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModelTableInput)
  table?: ModelTableInput;
  @Field(() => ModelDbtInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModelDbtInput)
  dbt?: ModelDbtInput;
  @Field(() => String, { nullable: true, description: 'Required, except for dbt models with a unique test.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  primaryKey?: string;
}
