/** Reading sync runs of one workspace: one run, a page of a sync's runs, a run's row outcomes. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type RowOutcomeStatus, SyncRunEntity, SyncRunRowEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { type FindOptionsWhere, LessThan, Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { SyncService } from '../sync/sync.service';
import { decodeSyncRunCursor, encodeSyncRunCursor } from './utils/sync-run-cursor.util';

export const MAX_RUNS_PAGE = 100;
export const MAX_ROWS_PAGE = 1000;
const ROW_STATUSES: readonly RowOutcomeStatus[] = ['accepted', 'rejected', 'deferred', 'aborted'];

export interface SyncRunPage {
  edges: { cursor: string; node: SyncRunEntity }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function checkPageSize(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new SynclineError(ErrorCode.BadUserInput, `first must be between 1 and ${max}`);
  }
}

@Injectable()
export class SyncRunService {
  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(SyncRunRowEntity) private readonly rows: Repository<SyncRunRowEntity>,
    private readonly syncs: SyncService,
  ) {}

  get(workspaceId: string, id: string): Promise<SyncRunEntity> {
    return findInWorkspace(this.runs, 'sync run', workspaceId, id);
  }

  /** Newest first; `after` is the endCursor of the previous page. */
  async list(
    workspaceId: string,
    syncId: string,
    first: number,
    after?: string | null,
  ): Promise<SyncRunPage> {
    checkPageSize(first, MAX_RUNS_PAGE);
    await this.syncs.get(workspaceId, syncId);
    const where: FindOptionsWhere<SyncRunEntity> = { workspaceId, syncId };
    if (after) where.seq = LessThan(decodeSyncRunCursor(after));
    // One extra row tells whether another page exists without a COUNT.
    const found = await this.runs.find({ where, order: { seq: 'DESC' }, take: first + 1 });
    const edges = found.slice(0, first).map((node) => ({ cursor: encodeSyncRunCursor(node.seq), node }));
    return {
      edges,
      pageInfo: { hasNextPage: found.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** Row outcomes of a run, ordered by key; the run must belong to the workspace. */
  async rowOutcomes(
    workspaceId: string,
    runId: string,
    first: number,
    status?: string | null,
  ): Promise<SyncRunRowEntity[]> {
    checkPageSize(first, MAX_ROWS_PAGE);
    if (status && !ROW_STATUSES.includes(status as RowOutcomeStatus)) {
      throw new SynclineError(ErrorCode.BadUserInput, `status must be one of ${ROW_STATUSES.join(', ')}`);
    }
    await this.get(workspaceId, runId);
    const where: FindOptionsWhere<SyncRunRowEntity> = { runId };
    if (status) where.status = status as RowOutcomeStatus;
    return this.rows.find({ where, order: { key: 'ASC' }, take: first });
  }
}
