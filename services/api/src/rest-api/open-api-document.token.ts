/** Where setupOpenApi leaves the built OpenAPI document for OpenApiController to serve. */
import type { OpenAPIObject } from '@nestjs/swagger';

export const OPEN_API_DOCUMENT = Symbol('OpenApiDocument');

export interface OpenApiDocumentHolder {
  document?: OpenAPIObject;
}
