/** Sync runs: one Temporal workflow execution per run, its counts and its row outcomes. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncRunEntity, SyncRunRowEntity } from '@syncline/db';
import { DestinationModule } from '../destination/destination.module';
import { ModelModule } from '../model/model.module';
import { SourceModule } from '../source/source.module';
import { SyncModule } from '../sync/sync.module';
import { SyncRunOrchestrationService } from './sync-run-orchestration.service';
import { SyncRunResolver } from './sync-run.resolver';
import { SyncRunService } from './sync-run.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SyncRunEntity, SyncRunRowEntity]),
    SyncModule,
    ModelModule,
    SourceModule,
    DestinationModule,
  ],
  providers: [SyncRunService, SyncRunOrchestrationService, SyncRunResolver],
  exports: [SyncRunService, SyncRunOrchestrationService],
})
export class SyncRunModule {}
