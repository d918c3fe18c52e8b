/** The Hightouch-compatible REST API under /api/v1 (workspace API key as Bearer token) and its OpenAPI document. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncRunEntity } from '@syncline/db';
import { DestinationModule } from '../destination/destination.module';
import { ModelModule } from '../model/model.module';
import { SourceModule } from '../source/source.module';
import { SyncRunModule } from '../sync-run/sync-run.module';
import { SyncModule } from '../sync/sync.module';
import { CatalogController } from './catalog.controller';
import { OPEN_API_DOCUMENT, type OpenApiDocumentHolder } from './open-api-document.token';
import { OpenApiController } from './open-api.controller';
import { RestCatalogService } from './rest-catalog.service';
import { RestSyncRunsService } from './rest-sync-runs.service';
import { SyncsController } from './syncs.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([SyncRunEntity]),
    SourceModule,
    ModelModule,
    DestinationModule,
    SyncModule,
    SyncRunModule,
  ],
  controllers: [SyncsController, CatalogController, OpenApiController],
  providers: [
    RestCatalogService,
    RestSyncRunsService,
    { provide: OPEN_API_DOCUMENT, useValue: {} satisfies OpenApiDocumentHolder },
  ],
})
export class RestApiModule {}
