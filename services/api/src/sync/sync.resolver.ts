/** GraphQL surface of syncs; thin: logic lives in SyncService. */
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { CreateSyncInput } from './dtos/create-sync.input';
import { SyncDto } from './dtos/sync.dto';
import { UpdateSyncInput } from './dtos/update-sync.input';
import { SyncCdcStateService } from './sync-cdc-state.service';
import { SyncService } from './sync.service';

@Resolver(() => SyncDto)
export class SyncResolver {
  constructor(
    private readonly syncService: SyncService,
    private readonly cdcState: SyncCdcStateService,
  ) {}

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

  @Mutation(() => SyncDto, { description: 'Pauses the sync’s schedule; a run already going finishes.' })
  async pauseSyncSchedule(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.setSchedulePaused(ws.id, id, true));
  }

  @Mutation(() => SyncDto, { description: 'Resumes the sync’s schedule.' })
  async resumeSyncSchedule(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.setSchedulePaused(ws.id, id, false));
  }

  @Mutation(() => SyncDto, {
    description: 'Also deletes the sync’s runs, delivered state and Temporal Schedule.',
  })
  async deleteSync(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncDto> {
    return SyncDto.from(await this.syncService.delete(ws.id, id));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Why the next run should be a full resync (mapping or primary key changed), or null.',
  })
  async fullResyncReason(@Parent() sync: SyncDto): Promise<string | null> {
    return this.cdcState.fullResyncReason(await this.syncService.get(sync.workspaceId, sync.id));
  }

  @ResolveField(() => Boolean, {
    description: 'True when the delivered state was computed with another mapping.',
  })
  async fullResyncRequired(@Parent() sync: SyncDto): Promise<boolean> {
    return (await this.fullResyncReason(sync)) !== null;
  }
}
