/** GraphQL surface of the schema's relationships; thin: logic lives in the service. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { RelationshipDto } from './dtos/relationship.dto';
import { CreateRelationshipInput, UpdateRelationshipInput } from './dtos/relationship.input';
import { RelationshipService } from './relationship.service';

@Resolver(() => RelationshipDto)
export class RelationshipResolver {
  constructor(private readonly service: RelationshipService) {}

  @Query(() => [RelationshipDto])
  async relationships(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<RelationshipDto[]> {
    return (await this.service.list(ws.id)).map((r) => RelationshipDto.from(r));
  }

  @Mutation(() => RelationshipDto)
  async createRelationship(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateRelationshipInput,
  ): Promise<RelationshipDto> {
    return RelationshipDto.from(await this.service.create(ws.id, input));
  }

  @Mutation(() => RelationshipDto)
  async updateRelationship(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateRelationshipInput,
  ): Promise<RelationshipDto> {
    return RelationshipDto.from(await this.service.update(ws.id, input));
  }

  @Mutation(() => RelationshipDto, { description: 'Refused with IN_USE while traits or audiences use it.' })
  async deleteRelationship(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RelationshipDto> {
    return RelationshipDto.from(await this.service.delete(ws.id, id));
  }
}
