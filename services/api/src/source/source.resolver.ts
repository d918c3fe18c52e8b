/** GraphQL surface of sources; thin: the workspace comes from the guard, the logic from SourceService. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { CheckResultDto } from '../common/dtos/check-result.dto';
import { CreateSourceInput } from './dtos/create-source.input';
import { SourceDto } from './dtos/source.dto';
import { SourceTableDto } from './dtos/source-table.dto';
import { UpdateSourceInput } from './dtos/update-source.input';
import { SourceService } from './source.service';

@Resolver(() => SourceDto)
export class SourceResolver {
  constructor(private readonly sourceService: SourceService) {}

  @Query(() => [SourceDto])
  async sources(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<SourceDto[]> {
    return (await this.sourceService.list(ws.id)).map((s) => SourceDto.from(s));
  }

  @Query(() => SourceDto)
  async source(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SourceDto> {
    return SourceDto.from(await this.sourceService.get(ws.id, id));
  }

  @Query(() => CheckResultDto, { description: 'Connects to the source with its stored config.' })
  testSource(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CheckResultDto> {
    return this.sourceService.test(ws.id, id);
  }

  @Query(() => [SourceTableDto], { description: 'Schemas, tables and typed columns of the source.' })
  discoverSource(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SourceTableDto[]> {
    return this.sourceService.discover(ws.id, id);
  }

  @Mutation(() => SourceDto)
  async createSource(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateSourceInput,
  ): Promise<SourceDto> {
    return SourceDto.from(await this.sourceService.create(ws.id, input));
  }

  @Mutation(() => SourceDto)
  async updateSource(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateSourceInput,
  ): Promise<SourceDto> {
    return SourceDto.from(await this.sourceService.update(ws.id, input));
  }

  @Mutation(() => SourceDto, { description: 'Refused with IN_USE while models use the source.' })
  async deleteSource(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SourceDto> {
    return SourceDto.from(await this.sourceService.delete(ws.id, id));
  }
}
