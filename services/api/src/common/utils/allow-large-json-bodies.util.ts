/**
 * Raises the JSON body limit above Express's 100 kB: an uploaded dbt manifest.json (dbtModels, createModel)
 * is easily several MB, even for a small project.
 */
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

export const JSON_BODY_LIMIT = '50mb';

export function allowLargeJsonBodies(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT });
}
