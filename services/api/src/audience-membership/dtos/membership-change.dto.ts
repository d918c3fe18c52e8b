/** Who entered or left an audience in a run of one of its syncs, a page at a time (oldest first). */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AudienceMembershipChangeEntity } from '@syncline/db';

@ObjectType('AudienceMembershipChange')
export class MembershipChangeDto {
  @Field(() => String, { description: "The member's primary key." }) key!: string;
  @Field(() => String, { description: 'entered or left.' }) change!: string;
  @Field(() => String, { nullable: true, description: 'Its split group at the time (null without splits).' })
  splitGroup!: string | null;
  @Field(() => ID) syncId!: string;
  @Field(() => ID) runId!: string;
  @Field(() => Date) recordedAt!: Date;

  static from(e: AudienceMembershipChangeEntity): MembershipChangeDto {
    const { key, change, splitGroup, syncId, runId, recordedAt } = e;
    return Object.assign(new MembershipChangeDto(), { key, change, splitGroup, syncId, runId, recordedAt });
  }
}

@ObjectType('AudienceMembershipChangePage')
export class MembershipChangePageDto {
  @Field(() => [MembershipChangeDto]) nodes!: MembershipChangeDto[];
  @Field(() => String, { nullable: true, description: 'Give as `after` for the next page.' }) endCursor!:
    string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}
