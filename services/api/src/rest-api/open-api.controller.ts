/**
 * Serves the OpenAPI 3 document of the REST API at /api/v1/openapi.json (public: tools fetch it before
 * they hold a key). Built once by setupOpenApi from the controllers' decorators.
 */
import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { OPEN_API_DOCUMENT, type OpenApiDocumentHolder } from './open-api-document.token';
import { RestExceptionFilter } from './rest-exception.filter';

@ApiExcludeController()
@Public()
@UseFilters(RestExceptionFilter)
@Controller('api/v1')
export class OpenApiController {
  constructor(@Inject(OPEN_API_DOCUMENT) private readonly holder: OpenApiDocumentHolder) {}

  @Get('openapi.json')
  document(): OpenAPIObject | { message: string } {
    return (
      this.holder.document ?? { message: 'OpenAPI document not built: call setupOpenApi(app) at start-up' }
    );
  }
}
