/** A destination as the API shows it. Its config is write-only: there is deliberately no `config` field. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { DestinationEntity } from '@syncline/db';

@ObjectType('Destination')
export class DestinationDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Connector type, e.g. "postgres", "webhook".' }) type!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: DestinationEntity): DestinationDto {
    const { id, name, type, createdAt, updatedAt } = entity;
    return Object.assign(new DestinationDto(), { id, name, type, createdAt, updatedAt });
  }
}
