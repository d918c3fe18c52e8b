/** A model of a dbt manifest, as dbtModels lists it for the model picker. */
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('DbtModel')
export class DbtModelDto {
  @Field(() => String) uniqueId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) materialized!: string | null;
  @Field(() => String, { nullable: true }) relationName!: string | null;
  @Field(() => String, { nullable: true }) compiledSql!: string | null;
  @Field(() => String, { nullable: true, description: "The column of the model's unique test." })
  defaultPrimaryKey!: string | null;
}
