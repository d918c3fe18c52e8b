/** A model as the API shows it: what to query from a source, and the column identifying a row. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ModelEntity } from '@syncline/db';

@ObjectType('Model')
export class ModelDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => String) sql!: string;
  @Field(() => String, { description: 'The column identifying a row across runs (CDC key).' })
  primaryKey!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: ModelEntity): ModelDto {
    const { id, name, sourceId, sql, primaryKey, createdAt, updatedAt } = entity;
    return Object.assign(new ModelDto(), { id, name, sourceId, sql, primaryKey, createdAt, updatedAt });
  }
}
