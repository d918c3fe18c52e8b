/** Temporal Schedules for syncs and sync sequences, kept in step with the control plane. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncEntity, SyncSequenceEntity } from '@syncline/db';
import { ScheduleReconcilerService } from './schedule-reconciler.service';
import { SyncScheduleService } from './sync-schedule.service';

@Module({
  imports: [TypeOrmModule.forFeature([SyncEntity, SyncSequenceEntity])],
  providers: [SyncScheduleService, ScheduleReconcilerService],
  exports: [SyncScheduleService],
})
export class SyncScheduleModule {}
