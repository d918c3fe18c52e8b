/** Input of updateModel: only the fields given change; giving kind, sql, table or dbt redefines the model. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { MODEL_KINDS, type ModelKind } from '@syncline/models';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ModelDbtInput, ModelTableInput } from './model-source.input';

@InputType()
export class UpdateModelInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() sourceId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(MODEL_KINDS) kind?: ModelKind;
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
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() primaryKey?: string;
}
