/** A trait as the API shows it; its value is a column (named `name`) of every audience of its parent. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AudienceTraitEntity } from '@syncline/db';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('Trait')
export class TraitDto {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Its column name in audience models.' }) name!: string;
  @Field(() => ID) parentModelId!: string;
  @Field(() => GraphQLJSON, {
    description:
      '{ relationshipId, aggregation (count, sum, avg, min, max, first, last, most_frequent, distinct_list), column?, orderBy?, conditions? }',
  })
  definition!: unknown;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(e: AudienceTraitEntity): TraitDto {
    const { id, name, parentModelId, definition, createdAt, updatedAt } = e;
    return Object.assign(new TraitDto(), { id, name, parentModelId, definition, createdAt, updatedAt });
  }
}
