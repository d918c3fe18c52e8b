/** A model as the API shows it: what to query from a source, and the column identifying a row. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ModelEntity } from '@syncline/db';
import { GraphQLJSON } from 'graphql-type-json';
import { FullResyncNoticeDto } from './full-resync-notice.dto';

@ObjectType('Model')
export class ModelDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => String, { description: 'sql, table or dbt.' }) kind!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The table or dbt model picked; null for SQL.' })
  definition!: Record<string, unknown> | null;
  @Field(() => String, { description: 'The SQL the source runs (generated for table and dbt models).' })
  sql!: string;
  @Field(() => String, { description: 'The column identifying a row across runs (CDC key).' })
  primaryKey!: string;
  @Field(() => FullResyncNoticeDto, {
    nullable: true,
    description: 'Set by updateModel when the SQL or primary key changed and syncs use the model.',
  })
  fullResyncNeeded!: FullResyncNoticeDto | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: ModelEntity, fullResyncNeeded: FullResyncNoticeDto | null = null): ModelDto {
    const { id, name, sourceId, kind, definition, sql, primaryKey, createdAt, updatedAt } = entity;
    return Object.assign(new ModelDto(), {
      id,
      name,
      sourceId,
      kind,
      definition,
      sql,
      primaryKey,
      fullResyncNeeded,
      createdAt,
      updatedAt,
    });
  }
}
