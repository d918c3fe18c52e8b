/** GraphQL surface of models, including previewModel; thin: logic lives in the services. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { listDbtModels, loadDbtManifest } from '@syncline/models';
import { CreateModelInput } from './dtos/create-model.input';
import { DbtManifestInput } from './dtos/dbt-manifest.input';
import { DbtModelDto } from './dtos/dbt-model.dto';
import { ModelPreviewDto } from './dtos/model-preview.dto';
import { ModelDto } from './dtos/model.dto';
import { PreviewModelInput } from './dtos/preview-model.input';
import { UpdateModelInput } from './dtos/update-model.input';
import { ModelPreviewService } from './model-preview.service';
import { ModelService } from './model.service';

@Resolver(() => ModelDto)
export class ModelResolver {
  constructor(
    private readonly modelService: ModelService,
    private readonly previews: ModelPreviewService,
  ) {}

  @Query(() => [ModelDto])
  async models(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<ModelDto[]> {
    return (await this.modelService.list(ws.id)).map((m) => ModelDto.from(m));
  }

  @Query(() => ModelDto)
  async model(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ModelDto> {
    return ModelDto.from(await this.modelService.get(ws.id, id));
  }

  @Query(() => ModelPreviewDto, { description: 'The first 100 rows of a model query, with column types.' })
  previewModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: PreviewModelInput,
  ): Promise<ModelPreviewDto> {
    return this.previews.preview(ws.id, input);
  }

  @Query(() => [DbtModelDto], {
    description: "The models of a dbt manifest, with the default primary key from each model's unique test.",
  })
  async dbtModels(@Args('input') input: DbtManifestInput): Promise<DbtModelDto[]> {
    return listDbtModels(await loadDbtManifest(input));
  }

  @Mutation(() => ModelDto)
  async createModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateModelInput,
  ): Promise<ModelDto> {
    return ModelDto.from(await this.modelService.create(ws.id, input));
  }

  @Mutation(() => ModelDto)
  async updateModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateModelInput,
  ): Promise<ModelDto> {
    const { model, fullResyncNeeded } = await this.modelService.update(ws.id, input);
    return ModelDto.from(model, fullResyncNeeded);
  }

  @Mutation(() => ModelDto, { description: 'Refused with IN_USE while syncs use the model.' })
  async deleteModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ModelDto> {
    return ModelDto.from(await this.modelService.delete(ws.id, id));
  }
}
