/** The kind-specific parts of createModel / updateModel: a table to select, or a dbt model to use. */
import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';

@InputType()
export class ModelTableInput {
  @Field(() => String) @IsString() @IsNotEmpty() schema!: string;
  @Field(() => String) @IsString() @IsNotEmpty() table!: string;
}

@InputType()
export class ModelDbtInput {
  @Field(() => String, {
    nullable: true,
    description: "Path of the dbt project's target/manifest.json on the API host.",
  })
  @IsOptional()
  @IsString()
  manifestPath?: string;
  @Field(() => String, { nullable: true, description: 'An uploaded manifest.json, as text.' })
  @IsOptional()
  @IsString()
  manifestJson?: string;
  @Field(() => String, { description: 'The dbt model unique_id, e.g. model.shop.customers.' })
  @IsString()
  @IsNotEmpty()
  uniqueId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'relation (default): SELECT * FROM the materialized model; compiled: the compiled SQL.',
  })
  @IsOptional()
  @IsIn(['relation', 'compiled'])
  use?: 'relation' | 'compiled';
}
