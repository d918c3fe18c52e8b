/** Sources: systems where data resides (credentials encrypted at rest). */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelEntity, SourceEntity } from '@syncline/db';
import { ConnectorConfigModule } from '../connector-config/connector-config.module';
import { SourceResolver } from './source.resolver';
import { SourceService } from './source.service';

@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity, ModelEntity]), ConnectorConfigModule],
  providers: [SourceService, SourceResolver],
  exports: [SourceService],
})
export class SourceModule {}
