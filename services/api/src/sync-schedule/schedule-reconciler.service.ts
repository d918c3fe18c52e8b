/**
 * At start-up, in the background, re-applies every timed schedule of the control plane to Temporal, so a
 * change saved while Temporal was unreachable (or a Temporal namespace rebuilt) catches up. Schedules of
 * deleted syncs are removed when the sync is deleted; this pass does not list Temporal's schedules, since
 * other deployments may share the namespace.
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SyncEntity, SyncSequenceEntity } from '@syncline/db';
import { Repository } from 'typeorm';
import { SyncScheduleService } from './sync-schedule.service';

@Injectable()
export class ScheduleReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleReconcilerService.name);
  private pass: Promise<void> = Promise.resolve();

  constructor(
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    @InjectRepository(SyncSequenceEntity) private readonly sequences: Repository<SyncSequenceEntity>,
    private readonly schedules: SyncScheduleService,
  ) {}

  /** Not awaited: boot must not wait for Temporal. */
  onApplicationBootstrap(): void {
    this.pass = this.reconcile().catch((err: unknown) =>
      this.logger.warn(`Could not reconcile schedules with Temporal: ${String(err)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pass;
  }

  private async reconcile(): Promise<void> {
    // A raw where: TypeORM's find options have no operator for a jsonb field.
    const syncs = await this.syncs
      .createQueryBuilder('s')
      .where("s.schedule->>'type' IN ('interval', 'cron')")
      .getMany();
    for (const sync of syncs) await this.schedules.applyForSync(sync);
    const sequences = await this.sequences
      .createQueryBuilder('q')
      .where("q.schedule->>'type' IN ('interval', 'cron')")
      .getMany();
    for (const sequence of sequences) await this.schedules.applyForSequence(sequence);
    if (syncs.length + sequences.length > 0)
      this.logger.log(`Reconciled ${syncs.length} sync and ${sequences.length} sequence schedules`);
  }
}
