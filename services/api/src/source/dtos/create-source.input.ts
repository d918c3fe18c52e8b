/** Input of createSource: the config is checked against the connector's spec, then stored encrypted. */
import { Field, InputType } from '@nestjs/graphql';
import { CDC_ENGINES, type CdcEngine } from '@syncline/domain';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';

@InputType()
export class CreateSourceInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => String) @IsString() @IsNotEmpty() type!: string;
  @Field(() => GraphQLJSONObject) @IsObject() config!: Record<string, unknown>;
  @Field(() => String, {
    nullable: true,
    description:
      'CDC engine: "managed" (default) or "in-warehouse" (diffs run in the syncline_planner schema).',
  })
  @IsOptional()
  @IsIn(CDC_ENGINES, { message: `cdcEngine must be one of ${CDC_ENGINES.join(', ')}` })
  cdcEngine?: CdcEngine;
}
