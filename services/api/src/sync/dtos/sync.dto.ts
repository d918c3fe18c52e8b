/** A sync as the API shows it: model → destination object, with a mode and a field mapping. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { SyncEntity } from '@syncline/db';
import type { FieldMapping } from '@syncline/domain';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('Sync')
export class SyncDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) modelId!: string;
  @Field(() => ID) destinationId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Table or object type written to; null where the destination has one.',
  })
  destinationObject!: string | null;
  @Field(() => String, { description: 'insert, update, upsert or mirror.' }) mode!: string;
  @Field(() => GraphQLJSON, { description: 'Array of {from, to} or {static, to}.' }) mapping!: FieldMapping[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: SyncEntity): SyncDto {
    const { id, name, modelId, destinationId, destinationObject, mode, mapping, createdAt, updatedAt } =
      entity;
    return Object.assign(new SyncDto(), {
      id,
      name,
      modelId,
      destinationId,
      destinationObject,
      mode,
      mapping,
      createdAt,
      updatedAt,
    });
  }
}
