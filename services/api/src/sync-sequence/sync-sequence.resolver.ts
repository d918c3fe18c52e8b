/** GraphQL surface of sync sequences; thin: logic lives in SyncSequenceService. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { CreateSyncSequenceInput } from './dtos/create-sync-sequence.input';
import { SyncSequenceDto, SyncSequenceRunDto } from './dtos/sync-sequence.dto';
import { UpdateSyncSequenceInput } from './dtos/update-sync-sequence.input';
import { SyncSequenceService } from './sync-sequence.service';

@Resolver(() => SyncSequenceDto)
export class SyncSequenceResolver {
  constructor(private readonly sequences: SyncSequenceService) {}

  @Query(() => [SyncSequenceDto])
  async syncSequences(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<SyncSequenceDto[]> {
    return (await this.sequences.list(ws.id)).map((s) => SyncSequenceDto.from(s));
  }

  @Query(() => SyncSequenceDto)
  async syncSequence(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncSequenceDto> {
    return SyncSequenceDto.from(await this.sequences.get(ws.id, id));
  }

  @Mutation(() => SyncSequenceDto)
  async createSyncSequence(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateSyncSequenceInput,
  ): Promise<SyncSequenceDto> {
    return SyncSequenceDto.from(await this.sequences.create(ws.id, input));
  }

  @Mutation(() => SyncSequenceDto)
  async updateSyncSequence(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateSyncSequenceInput,
  ): Promise<SyncSequenceDto> {
    return SyncSequenceDto.from(await this.sequences.update(ws.id, input));
  }

  @Mutation(() => SyncSequenceDto)
  async pauseSyncSequenceSchedule(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncSequenceDto> {
    return SyncSequenceDto.from(await this.sequences.setSchedulePaused(ws.id, id, true));
  }

  @Mutation(() => SyncSequenceDto)
  async resumeSyncSequenceSchedule(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncSequenceDto> {
    return SyncSequenceDto.from(await this.sequences.setSchedulePaused(ws.id, id, false));
  }

  @Mutation(() => SyncSequenceDto, {
    description: 'Deletes the sequence and its Temporal Schedule (not its syncs).',
  })
  async deleteSyncSequence(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncSequenceDto> {
    return SyncSequenceDto.from(await this.sequences.delete(ws.id, id));
  }

  @Mutation(() => SyncSequenceRunDto, {
    description: 'Runs the sequence’s syncs one after another; returns the run going if there is one.',
  })
  runSyncSequence(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncSequenceRunDto> {
    return this.sequences.run(ws.id, id);
  }
}
