/** Sync sequences: ordered syncs run one after another, with per-step stop conditions; schedulable. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncSequenceEntity } from '@syncline/db';
import { SyncScheduleModule } from '../sync-schedule/sync-schedule.module';
import { SyncModule } from '../sync/sync.module';
import { SyncSequenceResolver } from './sync-sequence.resolver';
import { SyncSequenceService } from './sync-sequence.service';

@Module({
  imports: [TypeOrmModule.forFeature([SyncSequenceEntity]), SyncModule, SyncScheduleModule],
  providers: [SyncSequenceService, SyncSequenceResolver],
})
export class SyncSequenceModule {}
