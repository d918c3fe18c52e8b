/** GraphQL surface of destinations; thin: the workspace comes from the guard, the logic from DestinationService. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { CheckResultDto } from '../common/dtos/check-result.dto';
import { CreateDestinationInput } from './dtos/create-destination.input';
import { DestinationDto } from './dtos/destination.dto';
import { DestinationFieldDto } from './dtos/destination-field.dto';
import { DestinationObjectDto } from './dtos/destination-object.dto';
import { UpdateDestinationInput } from './dtos/update-destination.input';
import { DestinationService } from './destination.service';

@Resolver(() => DestinationDto)
export class DestinationResolver {
  constructor(private readonly destinationService: DestinationService) {}

  @Query(() => [DestinationDto])
  async destinations(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<DestinationDto[]> {
    return (await this.destinationService.list(ws.id)).map((s) => DestinationDto.from(s));
  }

  @Query(() => DestinationDto)
  async destination(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DestinationDto> {
    return DestinationDto.from(await this.destinationService.get(ws.id, id));
  }

  @Query(() => CheckResultDto, { description: 'Connects to the destination with its stored config.' })
  testDestination(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CheckResultDto> {
    return this.destinationService.test(ws.id, id);
  }

  @Query(() => [DestinationObjectDto], {
    description: 'Objects the destination can write (tables, object types), read with its stored config.',
  })
  async destinationObjects(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('destinationId', { type: () => ID }) destinationId: string,
  ): Promise<DestinationObjectDto[]> {
    return (await this.destinationService.objects(ws.id, destinationId)).map((o) =>
      DestinationObjectDto.from(o),
    );
  }

  @Query(() => [DestinationFieldDto], {
    description: 'Fields of a destination object, for mapping; empty for free-form destinations (webhook).',
  })
  async destinationFields(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('destinationId', { type: () => ID }) destinationId: string,
    @Args('object', { type: () => String }) object: string,
  ): Promise<DestinationFieldDto[]> {
    return (await this.destinationService.fields(ws.id, destinationId, object)).map((f) =>
      DestinationFieldDto.from(f),
    );
  }

  @Mutation(() => DestinationDto)
  async createDestination(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateDestinationInput,
  ): Promise<DestinationDto> {
    return DestinationDto.from(await this.destinationService.create(ws.id, input));
  }

  @Mutation(() => DestinationDto)
  async updateDestination(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateDestinationInput,
  ): Promise<DestinationDto> {
    return DestinationDto.from(await this.destinationService.update(ws.id, input));
  }

  @Mutation(() => DestinationDto, { description: 'Refused with IN_USE while syncs use the destination.' })
  async deleteDestination(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DestinationDto> {
    return DestinationDto.from(await this.destinationService.delete(ws.id, id));
  }
}
