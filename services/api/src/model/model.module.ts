/** Models: what to query from a source, with a mandatory primary key; plus previews. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AudienceSchemaModelEntity, ModelEntity, SyncEntity } from '@syncline/db';
import { SourceModule } from '../source/source.module';
import { ModelPreviewService } from './model-preview.service';
import { ModelResolver } from './model.resolver';
import { ModelService } from './model.service';

@Module({
  imports: [TypeOrmModule.forFeature([ModelEntity, SyncEntity, AudienceSchemaModelEntity]), SourceModule],
  providers: [ModelService, ModelPreviewService, ModelResolver],
  exports: [ModelService],
})
export class ModelModule {}
