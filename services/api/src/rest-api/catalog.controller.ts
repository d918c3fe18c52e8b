/** Sources, models and destinations on the Hightouch-compatible REST API (list and get). */
import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { RestWorkspace } from '../auth/rest-workspace.decorator';
import {
  RestDestinationDto,
  RestDestinationListDto,
  RestModelDto,
  RestModelListDto,
  RestSourceDto,
  RestSourceListDto,
} from './dtos/rest-catalog.dto';
import { RestCatalogService } from './rest-catalog.service';
import { RestExceptionFilter } from './rest-exception.filter';
import { type ListQuery, listRecords } from './utils/list-records.util';

@ApiTags('catalog')
@ApiBearerAuth()
@UseFilters(RestExceptionFilter)
@Controller('api/v1')
export class CatalogController {
  constructor(private readonly catalog: RestCatalogService) {}

  @Get('sources')
  @ApiOperation({ summary: 'List sources (name, slug, limit, orderBy)' })
  @ApiOkResponse({ type: RestSourceListDto })
  async listSources(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Query() query: ListQuery,
  ): Promise<RestSourceListDto> {
    return listRecords(await this.catalog.listSources(ws.id), query);
  }

  @Get('sources/:id')
  @ApiOperation({ summary: 'Get a source' })
  @ApiOkResponse({ type: RestSourceDto })
  getSource(@RestWorkspace() ws: AuthenticatedWorkspace, @Param('id') id: string): Promise<RestSourceDto> {
    return this.catalog.getSource(ws.id, id);
  }

  @Get('models')
  @ApiOperation({ summary: 'List models (name, slug, limit, orderBy)' })
  @ApiOkResponse({ type: RestModelListDto })
  async listModels(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Query() query: ListQuery,
  ): Promise<RestModelListDto> {
    return listRecords(await this.catalog.listModels(ws.id), query);
  }

  @Get('models/:id')
  @ApiOperation({ summary: 'Get a model' })
  @ApiOkResponse({ type: RestModelDto })
  getModel(@RestWorkspace() ws: AuthenticatedWorkspace, @Param('id') id: string): Promise<RestModelDto> {
    return this.catalog.getModel(ws.id, id);
  }

  @Get('destinations')
  @ApiOperation({ summary: 'List destinations (name, slug, limit, orderBy)' })
  @ApiOkResponse({ type: RestDestinationListDto })
  async listDestinations(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Query() query: ListQuery,
  ): Promise<RestDestinationListDto> {
    return listRecords(await this.catalog.listDestinations(ws.id), query);
  }

  @Get('destinations/:id')
  @ApiOperation({ summary: 'Get a destination' })
  @ApiOkResponse({ type: RestDestinationDto })
  getDestination(
    @RestWorkspace() ws: AuthenticatedWorkspace,
    @Param('id') id: string,
  ): Promise<RestDestinationDto> {
    return this.catalog.getDestination(ws.id, id);
  }
}
