/** Syncs: model → destination with a mode and a field mapping. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncEntity } from '@syncline/db';
import { DestinationModule } from '../destination/destination.module';
import { ModelModule } from '../model/model.module';
import { SourceModule } from '../source/source.module';
import { SyncCdcStateService } from './sync-cdc-state.service';
import { SyncMappingCheckService } from './sync-mapping-check.service';
import { SyncScheduleModule } from '../sync-schedule/sync-schedule.module';
import { SyncResolver } from './sync.resolver';
import { SyncService } from './sync.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SyncEntity]),
    ModelModule,
    SourceModule,
    DestinationModule,
    SyncScheduleModule,
  ],
  providers: [SyncService, SyncCdcStateService, SyncMappingCheckService, SyncResolver],
  exports: [SyncService],
})
export class SyncModule {}
