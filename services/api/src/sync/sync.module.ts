/** Syncs: model → destination with a mode and a field mapping. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncEntity } from '@syncline/db';
import { DestinationModule } from '../destination/destination.module';
import { ModelModule } from '../model/model.module';
import { SyncResolver } from './sync.resolver';
import { SyncService } from './sync.service';

@Module({
  imports: [TypeOrmModule.forFeature([SyncEntity]), ModelModule, DestinationModule],
  providers: [SyncService, SyncResolver],
  exports: [SyncService],
})
export class SyncModule {}
