/** A sync run as the API shows it; its id is chosen by the trigger that requested it (see libs/sync-trigger). */
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SyncRunEntity } from '@syncline/db';
import { GraphQLJSON } from 'graphql-type-json';
import { RunCountsDto } from './run-counts.dto';

@ObjectType('SyncRunError')
export class SyncRunErrorDto {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
  @Field(() => GraphQLJSON, { nullable: true }) details!: Record<string, unknown> | null;
}

@ObjectType('SyncRun')
export class SyncRunDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) syncId!: string;
  @Field(() => String, {
    description: 'queued, querying, processing, reporting, success, warning, failed, cancelled.',
  })
  status!: string;
  @Field(() => String, { description: 'manual, api, schedule or startup.' }) trigger!: string;
  @Field(() => Boolean) fullResync!: boolean;
  @Field(() => Int, { nullable: true, description: 'Rows the model query returned.' }) queryRows!:
    number | null;
  @Field(() => Int, { description: 'Model rows left out: null or repeated primary key.' })
  skippedRows!: number;
  @Field(() => [SyncRunErrorDto], {
    description: 'Problems that did not stop the run (e.g. duplicate keys).',
  })
  warnings!: SyncRunErrorDto[];
  @Field(() => RunCountsDto) counts!: RunCountsDto;
  @Field(() => SyncRunErrorDto, { nullable: true }) error!: SyncRunErrorDto | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;

  static from(e: SyncRunEntity): SyncRunDto {
    const error = e.errorCode
      ? { code: e.errorCode, message: e.errorMessage ?? '', details: e.errorDetails ?? null }
      : null;
    return Object.assign(new SyncRunDto(), {
      id: e.id,
      syncId: e.syncId,
      status: e.status,
      trigger: e.trigger,
      fullResync: e.fullResync,
      queryRows: e.queryRows,
      skippedRows: e.skippedRows,
      warnings: e.warnings.map((w) => ({ code: w.code, message: w.message, details: w.details ?? null })),
      // Runs recorded before deferred outcomes existed have no such bucket.
      counts: { ...e.counts, deferred: e.counts.deferred ?? { added: 0, changed: 0, removed: 0 } },
      error,
      createdAt: e.createdAt,
      startedAt: e.startedAt,
      finishedAt: e.finishedAt,
    });
  }
}
