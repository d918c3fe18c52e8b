/** Destinations: where data is consumed (credentials encrypted at rest). */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DestinationEntity, SyncEntity } from '@syncline/db';
import { ConnectorConfigModule } from '../connector-config/connector-config.module';
import { DestinationResolver } from './destination.resolver';
import { DestinationService } from './destination.service';

@Module({
  imports: [TypeOrmModule.forFeature([DestinationEntity, SyncEntity]), ConnectorConfigModule],
  providers: [DestinationService, DestinationResolver],
  exports: [DestinationService],
})
export class DestinationModule {}
