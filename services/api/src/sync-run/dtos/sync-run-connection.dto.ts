/** Relay-style page of a sync's runs, newest first. */
import { Field, ObjectType } from '@nestjs/graphql';
import { SyncRunDto } from './sync-run.dto';

@ObjectType('PageInfo')
export class PageInfoDto {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('SyncRunEdge')
export class SyncRunEdgeDto {
  @Field(() => String) cursor!: string;
  @Field(() => SyncRunDto) node!: SyncRunDto;
}

@ObjectType('SyncRunConnection')
export class SyncRunConnectionDto {
  @Field(() => [SyncRunEdgeDto]) edges!: SyncRunEdgeDto[];
  @Field(() => PageInfoDto) pageInfo!: PageInfoDto;
}
