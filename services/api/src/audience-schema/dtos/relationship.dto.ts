/** A relationship of the schema as the API shows it. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AudienceRelationshipEntity } from '@syncline/db';

@ObjectType('ColumnPair')
export class ColumnPairDto {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
}

@ObjectType('RelationshipThrough')
export class RelationshipThroughDto {
  @Field(() => ID) modelId!: string;
  @Field(() => [ColumnPairDto]) joins!: ColumnPairDto[];
}

@ObjectType('Relationship')
export class RelationshipDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) fromModelId!: string;
  @Field(() => ID) toModelId!: string;
  @Field(() => String) cardinality!: string;
  @Field(() => [ColumnPairDto]) joins!: ColumnPairDto[];
  @Field(() => RelationshipThroughDto, { nullable: true }) through!: RelationshipThroughDto | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(e: AudienceRelationshipEntity): RelationshipDto {
    return Object.assign(new RelationshipDto(), {
      id: e.id,
      fromModelId: e.fromModelId,
      toModelId: e.toModelId,
      cardinality: e.cardinality,
      joins: e.joins,
      through:
        e.throughModelId && e.throughJoins ? { modelId: e.throughModelId, joins: e.throughJoins } : null,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}
