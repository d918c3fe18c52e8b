/** GraphQL surface of audiences and their splits; thin: logic lives in the service. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { AudienceService } from './audience.service';
import { AudienceDto } from './dtos/audience.dto';
import { CreateAudienceInput, SetAudienceSplitsInput, UpdateAudienceInput } from './dtos/audience.input';

@Resolver(() => AudienceDto)
export class AudienceResolver {
  constructor(private readonly service: AudienceService) {}

  @Query(() => [AudienceDto])
  async audiences(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('parentModelId', { type: () => ID, nullable: true }) parentModelId?: string,
  ): Promise<AudienceDto[]> {
    return (await this.service.list(ws.id, parentModelId)).map((a) => AudienceDto.from(a));
  }

  @Query(() => AudienceDto)
  async audience(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AudienceDto> {
    return AudienceDto.from(await this.service.get(ws.id, id));
  }

  @Mutation(() => AudienceDto, {
    description: 'Compiles the condition tree; bad nodes come back as INVALID_AUDIENCE with their paths.',
  })
  async createAudience(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateAudienceInput,
  ): Promise<AudienceDto> {
    return AudienceDto.from(await this.service.create(ws.id, input));
  }

  @Mutation(() => AudienceDto)
  async updateAudience(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateAudienceInput,
  ): Promise<AudienceDto> {
    return AudienceDto.from(await this.service.update(ws.id, input));
  }

  @Mutation(() => AudienceDto, { description: 'Refused with IN_USE while syncs or other audiences use it.' })
  async deleteAudience(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AudienceDto> {
    return AudienceDto.from(await this.service.delete(ws.id, id));
  }

  @Mutation(() => AudienceDto, {
    description: 'Sets (creates or replaces) the split groups; percentages sum to 100.',
  })
  async setAudienceSplits(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: SetAudienceSplitsInput,
  ): Promise<AudienceDto> {
    return AudienceDto.from(
      await this.service.setSplits(ws.id, input.audienceId, this.service.parseSplits(input)),
    );
  }

  @Mutation(() => AudienceDto, { description: 'Removes the splits; refused while a sync targets a group.' })
  async deleteAudienceSplits(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('audienceId', { type: () => ID }) audienceId: string,
  ): Promise<AudienceDto> {
    return AudienceDto.from(await this.service.setSplits(ws.id, audienceId, null));
  }
}
