/** A sync sequence as the API shows it, and a started run of it. */
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { SyncSequenceEntity } from '@syncline/db';
import { SyncScheduleDto } from '../../sync-schedule/dtos/sync-schedule.dto';

@ObjectType('SyncSequenceStep')
export class SyncSequenceStepDto {
  @Field(() => ID) syncId!: string;
  @Field(() => Boolean) stopOnFailure!: boolean;
  @Field(() => Float, { nullable: true }) maxRejectedPercent!: number | null;
}

@ObjectType('SyncSequence')
export class SyncSequenceDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [SyncSequenceStepDto]) steps!: SyncSequenceStepDto[];
  @Field(() => SyncScheduleDto) schedule!: SyncScheduleDto;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(e: SyncSequenceEntity): SyncSequenceDto {
    return Object.assign(new SyncSequenceDto(), {
      id: e.id,
      name: e.name,
      steps: e.steps.map((s) => ({ ...s, maxRejectedPercent: s.maxRejectedPercent ?? null })),
      schedule: SyncScheduleDto.from(e.schedule, e.schedulePaused),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

@ObjectType('SyncSequenceRun', { description: 'A run of a sequence: its Temporal workflow execution.' })
export class SyncSequenceRunDto {
  @Field(() => String) workflowId!: string;
  @Field(() => String) runId!: string;
}
