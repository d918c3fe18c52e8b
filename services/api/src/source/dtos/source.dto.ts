/** A source as the API shows it. Its config is write-only: there is deliberately no `config` field. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { SourceEntity } from '@syncline/db';

@ObjectType('Source')
export class SourceDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Connector type, e.g. "postgres".' }) type!: string;
  @Field(() => String, { description: 'CDC engine: managed or in-warehouse.' }) cdcEngine!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: SourceEntity): SourceDto {
    const { id, name, type, cdcEngine, createdAt, updatedAt } = entity;
    return Object.assign(new SourceDto(), { id, name, type, cdcEngine, createdAt, updatedAt });
  }
}
