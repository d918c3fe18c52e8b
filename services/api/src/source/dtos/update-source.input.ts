/** Input of updateSource: `config` is a patch merged into the stored config (`null` removes a key). */
import { Field, ID, InputType } from '@nestjs/graphql';
import { CDC_ENGINES, type CdcEngine } from '@syncline/domain';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';

@InputType()
export class UpdateSourceInput {
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
  @Field(() => String, {
    nullable: true,
    description:
      'CDC engine: "managed" (default) or "in-warehouse" (diffs run in the syncline_planner schema).',
  })
  @IsOptional()
  @IsIn(CDC_ENGINES, { message: `cdcEngine must be one of ${CDC_ENGINES.join(', ')}` })
  cdcEngine?: CdcEngine;
}
