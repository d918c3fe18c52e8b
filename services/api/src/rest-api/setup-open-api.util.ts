/**
 * Builds the REST API's OpenAPI document. SwaggerModule needs the created application to scan the
 * controllers, so main.ts (and the test app) call this once after NestFactory.create.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { OPEN_API_DOCUMENT, type OpenApiDocumentHolder } from './open-api-document.token';
import { RestApiModule } from './rest-api.module';

export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Syncline REST API')
    .setDescription(
      'Compatible with Hightouch’s public REST API: point airflow-provider-hightouch, dagster-hightouch or ' +
        'prefect-hightouch at this host. Authenticate with a workspace API key as a Bearer token.',
    )
    .setVersion('1.0.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [RestApiModule] });
  app.get<OpenApiDocumentHolder>(OPEN_API_DOCUMENT).document = document;
}
