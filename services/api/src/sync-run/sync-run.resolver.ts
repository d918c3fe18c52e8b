/** GraphQL surface of sync runs: reading runs and their row outcomes, starting and cancelling runs. */
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace, type GraphqlContext } from '../auth/graphql-context';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { RunSyncInput } from './dtos/run-sync.input';
import { SyncRunConnectionDto } from './dtos/sync-run-connection.dto';
import { SyncRunRowDto } from './dtos/sync-run-row.dto';
import { SyncRunDto } from './dtos/sync-run.dto';
import { SyncRunOrchestrationService } from './sync-run-orchestration.service';
import { SyncRunService } from './sync-run.service';

@Resolver(() => SyncRunDto)
export class SyncRunResolver {
  constructor(
    private readonly syncRunService: SyncRunService,
    private readonly orchestration: SyncRunOrchestrationService,
  ) {}

  @Query(() => SyncRunDto)
  async syncRun(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SyncRunDto> {
    return SyncRunDto.from(await this.syncRunService.get(ws.id, id));
  }

  @Query(() => SyncRunConnectionDto, { description: "A sync's runs, newest first." })
  async syncRuns(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('syncId', { type: () => ID }) syncId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<SyncRunConnectionDto> {
    const page = await this.syncRunService.list(ws.id, syncId, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: SyncRunDto.from(e.node) })) };
  }

  @Mutation(() => SyncRunDto, {
    description: 'Starts a run, or returns the run already going for this sync.',
  })
  async runSync(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: RunSyncInput,
  ): Promise<SyncRunDto> {
    return SyncRunDto.from(await this.orchestration.start(ws.id, input, 'manual'));
  }

  @Mutation(() => SyncRunDto, {
    description: 'Requests cancellation; the status becomes cancelled when the worker stops.',
  })
  async cancelSyncRun(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('runId', { type: () => ID }) runId: string,
  ): Promise<SyncRunDto> {
    return SyncRunDto.from(await this.orchestration.cancel(ws.id, runId));
  }

  @ResolveField(() => [SyncRunRowDto], { description: 'Row outcomes of this run, ordered by key.' })
  rows(
    @Parent() run: SyncRunDto,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('status', { type: () => String, nullable: true, description: 'accepted, rejected or aborted' })
    status?: string | null,
  ): Promise<SyncRunRowDto[]> {
    // Field resolvers skip guards; the parent query's guard put the workspace in the context.
    if (!ctx.workspace) throw new SynclineError(ErrorCode.Unauthenticated, 'No authenticated workspace');
    return this.syncRunService.rowOutcomes(ctx.workspace.id, run.id, first, status);
  }
}
