/** The first rows of a model's query, with the normalized column types the mapping UI needs. */
import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('PreviewColumn')
export class PreviewColumnDto {
  @Field(() => String) name!: string;
  @Field(() => String, {
    description: 'Syncline type: string, integer, number, boolean, timestamp, date, json, unknown.',
  })
  type!: string;
  @Field(() => String, { description: "The source's own type name." }) nativeType!: string;
}

@ObjectType('ModelPreview')
export class ModelPreviewDto {
  @Field(() => [PreviewColumnDto]) columns!: PreviewColumnDto[];
  @Field(() => GraphQLJSON, { description: 'At most 100 rows, as objects keyed by column name.' })
  rows!: Record<string, unknown>[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the primary key column is in the result; null when none was given.',
  })
  primaryKeyFound!: boolean | null;
}
