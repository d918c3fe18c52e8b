/** GraphQL surface of traits; thin: logic lives in the service. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { TraitDto } from './dtos/trait.dto';
import { CreateTraitInput, UpdateTraitInput } from './dtos/trait.input';
import { TraitService } from './trait.service';

@Resolver(() => TraitDto)
export class TraitResolver {
  constructor(private readonly service: TraitService) {}

  @Query(() => [TraitDto])
  async traits(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('parentModelId', { type: () => ID, nullable: true }) parentModelId?: string,
  ): Promise<TraitDto[]> {
    return (await this.service.list(ws.id, parentModelId)).map((t) => TraitDto.from(t));
  }

  @Mutation(() => TraitDto)
  async createTrait(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateTraitInput,
  ): Promise<TraitDto> {
    return TraitDto.from(await this.service.create(ws.id, input));
  }

  @Mutation(() => TraitDto)
  async updateTrait(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateTraitInput,
  ): Promise<TraitDto> {
    return TraitDto.from(await this.service.update(ws.id, input));
  }

  @Mutation(() => TraitDto, { description: 'Refused with IN_USE while audience conditions use it.' })
  async deleteTrait(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TraitDto> {
    return TraitDto.from(await this.service.delete(ws.id, id));
  }
}
