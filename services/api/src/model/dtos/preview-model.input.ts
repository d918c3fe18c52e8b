/**
 * Input of previewModel: either a saved model (`modelId`) or an unsaved one (`sourceId` + `sql`).
 * With `modelId`, the other fields override the saved values, so an edit can be previewed before saving.
 */
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, ValidateIf } from 'class-validator';

const withoutModel = (input: PreviewModelInput): boolean =>
  input.modelId === undefined || input.modelId === null;

@InputType()
export class PreviewModelInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() modelId?: string;
  @Field(() => ID, { nullable: true }) @ValidateIf(withoutModel) @IsString() @IsNotEmpty() sourceId?: string;
  @Field(() => String, { nullable: true }) @ValidateIf(withoutModel) @IsString() @IsNotEmpty() sql?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() primaryKey?: string;
}
