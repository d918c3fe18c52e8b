/** audienceMembershipChanges: the membership history of an audience, scoped by workspace, paginated by cursor. */
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { AudienceMembershipChangeEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { MoreThan, Repository } from 'typeorm';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { AudienceService } from '../audience/audience.service';
import { MembershipChangeDto, MembershipChangePageDto } from './dtos/membership-change.dto';

const MAX_PAGE = 1000;

@Resolver()
export class MembershipResolver {
  constructor(
    private readonly audiences: AudienceService,
    @InjectRepository(AudienceMembershipChangeEntity)
    private readonly changes: Repository<AudienceMembershipChangeEntity>,
  ) {}

  @Query(() => MembershipChangePageDto, {
    description: 'Members who entered and left, per sync run, oldest first.',
  })
  async audienceMembershipChanges(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('audienceId', { type: () => ID }) audienceId: string,
    @Args('syncId', { type: () => ID, nullable: true }) syncId?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first = 100,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<MembershipChangePageDto> {
    const audience = await this.audiences.get(ws.id, audienceId);
    if (first < 1 || first > MAX_PAGE || (after !== undefined && after !== null && !/^\d+$/.test(after)))
      throw new SynclineError(
        ErrorCode.BadUserInput,
        `first must be 1 to ${MAX_PAGE}; after must be an endCursor`,
      );
    const rows = await this.changes.find({
      where: {
        audienceId: audience.id,
        ...(syncId ? { syncId } : {}),
        ...(after ? { seq: MoreThan(after) } : {}),
      },
      order: { seq: 'ASC' },
      take: first + 1,
    });
    const page = rows.slice(0, first);
    return {
      nodes: page.map((r) => MembershipChangeDto.from(r)),
      endCursor: page.at(-1)?.seq ?? null,
      hasNextPage: rows.length > first,
    };
  }
}
