/** GraphQL surface of the schema's parent, related and event models; thin: logic lives in the service. */
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { SchemaModelDto } from './dtos/schema-model.dto';
import { CreateSchemaModelInput, UpdateSchemaModelInput } from './dtos/schema-model.input';
import { SchemaModelService } from './schema-model.service';

@Resolver(() => SchemaModelDto)
export class SchemaModelResolver {
  constructor(private readonly service: SchemaModelService) {}

  @Query(() => [SchemaModelDto], {
    description: 'The Customer Studio schema: parent, related and event models.',
  })
  async schemaModels(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<SchemaModelDto[]> {
    return (await this.service.list(ws.id)).map(({ entity, model }) => SchemaModelDto.from(entity, model));
  }

  @Mutation(() => SchemaModelDto, {
    description: 'Adds a model to the schema; its columns are discovered and checked.',
  })
  async createSchemaModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: CreateSchemaModelInput,
  ): Promise<SchemaModelDto> {
    const { entity, model } = await this.service.create(ws.id, input);
    return SchemaModelDto.from(entity, model);
  }

  @Mutation(() => SchemaModelDto)
  async updateSchemaModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: UpdateSchemaModelInput,
  ): Promise<SchemaModelDto> {
    const { entity, model } = await this.service.update(ws.id, input);
    return SchemaModelDto.from(entity, model);
  }

  @Mutation(() => SchemaModelDto, {
    description: 'Refused with IN_USE while relationships, traits or audiences use it.',
  })
  async deleteSchemaModel(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('modelId', { type: () => ID }) modelId: string,
  ): Promise<SchemaModelDto> {
    const { entity, model } = await this.service.delete(ws.id, modelId);
    return SchemaModelDto.from(entity, model);
  }
}
