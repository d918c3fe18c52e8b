/** GraphQL surface of syncs; thin: logic lives in SyncService. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { CreateSyncInput } from './dtos/create-sync.input';
import { SyncDto } from './dtos/sync.dto';
import { UpdateSyncInput } from './dtos/update-sync.input';
import { SyncService } from './sync.service';

@Resolver(() => SyncDto)
export class SyncResolver {
  constructor(private readonly syncService: SyncService) {}

  @Query(() => [SyncDto])
  async syncs(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<SyncDto[]> {
    return (await this.syncService.list(ws.id)).map((s) => SyncDto.from(s));
  }

  @Query(() => SyncDto)
  async sync(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.get(ws.id, id));
  }

  @Mutation(() => SyncDto)
  async createSync(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateSyncInput,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.create(ws.id, input));
  }

  @Mutation(() => SyncDto)
  async updateSync(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateSyncInput,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.update(ws.id, input));
  }

  @Mutation(() => SyncDto, { description: 'Also deletes the sync’s runs and delivered state.' })
  async deleteSync(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.delete(ws.id, id));
  }
}
