/**
 * A sync run in the shape of Hightouch's public API (SyncRun), field for field, so airflow-provider-hightouch,
 * dagster-hightouch and prefect-hightouch read it unchanged: counts as add/change/remove per outcome,
 * `failedRows` = rows the destination rejected (rows left unattempted by a cancellation are not in it).
 */
import { ApiProperty } from '@nestjs/swagger';
import { type OpCounts, TERMINAL_RUN_STATUSES } from '@syncline/contracts';
import type { SyncRunEntity } from '@syncline/db';

export const HIGHTOUCH_RUN_STATUSES = [
  'queued',
  'querying',
  'processing',
  'reporting',
  'success',
  'warning',
  'failed',
  'cancelled',
  'interrupted',
] as const;

export class RestRowCountsDto {
  @ApiProperty() addedCount!: number;
  @ApiProperty() changedCount!: number;
  @ApiProperty() removedCount!: number;

  static from(c: OpCounts): RestRowCountsDto {
    return { addedCount: c.added, changedCount: c.changed, removedCount: c.removed };
  }
}

const total = (c: OpCounts) => c.added + c.changed + c.removed;

/** Share of planned rows the destination has answered for; 1 once a run completed. */
export function completionRatio(run: SyncRunEntity): number {
  if (run.status === 'success' || run.status === 'warning') return 1;
  const planned = total(run.counts.planned);
  if (planned === 0) return TERMINAL_RUN_STATUSES.includes(run.status) ? 1 : 0;
  return Math.min(1, (total(run.counts.succeeded) + total(run.counts.failed)) / planned);
}

export class RestSyncRunDto {
  @ApiProperty({ description: 'The run id; pass it as runId to GET /syncs/{syncId}/runs.' }) id!: string;
  @ApiProperty({ description: 'When the run was requested (earlier than startedAt when it was queued).' })
  createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rows the model query returned.' })
  querySize!: number | null;
  @ApiProperty({
    enum: HIGHTOUCH_RUN_STATUSES,
    description:
      'queued, querying, processing, reporting while running; then success, warning (some rows rejected), failed or cancelled. Syncline never reports interrupted.',
  })
  status!: string;
  @ApiProperty() completionRatio!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: RestRowCountsDto }) plannedRows!: RestRowCountsDto;
  @ApiProperty({ type: RestRowCountsDto }) successfulRows!: RestRowCountsDto;
  @ApiProperty({ type: RestRowCountsDto, description: 'Rows the destination rejected.' })
  failedRows!: RestRowCountsDto;

  static from(run: SyncRunEntity): RestSyncRunDto {
    return {
      id: run.id,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      querySize: run.queryRows,
      status: run.status,
      completionRatio: completionRatio(run),
      error: run.errorMessage,
      plannedRows: RestRowCountsDto.from(run.counts.planned),
      successfulRows: RestRowCountsDto.from(run.counts.succeeded),
      failedRows: RestRowCountsDto.from(run.counts.failed),
    };
  }
}

export class RestSyncRunListDto {
  @ApiProperty({ type: [RestSyncRunDto] }) data!: RestSyncRunDto[];
  @ApiProperty() hasMore!: boolean;
}
