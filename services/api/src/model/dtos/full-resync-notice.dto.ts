/**
 * What updateModel tells the user when the model's SQL or primary key changed: the delivered state of each
 * sync using the model was computed from the old query or keys, so those syncs need a full resync.
 */
import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SyncRef')
export class SyncRefDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('FullResyncNotice')
export class FullResyncNoticeDto {
  @Field(() => String) message!: string;
  @Field(() => [String], { description: 'What changed: sql, primaryKey.' }) changed!: string[];
  @Field(() => [SyncRefDto]) syncs!: SyncRefDto[];
}
