/** Audiences: condition trees over the schema, compiled to SQL and stored as models of kind `audience`. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelEntity, SyncEntity } from '@syncline/db';
import { AudienceSchemaModule } from '../audience-schema/audience-schema.module';
import { AudienceResolver } from './audience.resolver';
import { AudienceService } from './audience.service';

@Module({
  imports: [TypeOrmModule.forFeature([ModelEntity, SyncEntity]), AudienceSchemaModule],
  providers: [AudienceService, AudienceResolver],
  exports: [AudienceService],
})
export class AudienceModule {}
