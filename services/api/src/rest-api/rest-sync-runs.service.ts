/**
 * A sync's runs with Hightouch's filters and paging: runId, after / before (on createdAt, when the run was
 * requested), within (minutes), limit (default 5, max 100), offset, orderBy (id = request order,
 * createdAt, startedAt, finishedAt), newest first.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SyncRunEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { isUuid } from '../common/utils/find-in-workspace.util';
import { SyncService } from '../sync/sync.service';
import { parseDateParam, parseNumberParam } from './utils/parse-number-param.util';

export interface ListSyncRunsQuery {
  runId?: string;
  after?: string;
  before?: string;
  within?: string;
  limit?: string;
  offset?: string;
  orderBy?: string;
}

const ORDER_COLUMNS = {
  id: 'r.seq',
  createdAt: 'r.created_at',
  startedAt: 'r.started_at',
  finishedAt: 'r.finished_at',
};
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 100;

@Injectable()
export class RestSyncRunsService {
  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    private readonly syncs: SyncService,
  ) {}

  async list(
    workspaceId: string,
    syncId: string,
    query: ListSyncRunsQuery,
  ): Promise<{ data: SyncRunEntity[]; hasMore: boolean }> {
    await this.syncs.get(workspaceId, syncId);
    const orderBy = (query.orderBy ?? 'id') as keyof typeof ORDER_COLUMNS;
    if (!(orderBy in ORDER_COLUMNS))
      throw new SynclineError(
        ErrorCode.BadUserInput,
        `orderBy must be one of ${Object.keys(ORDER_COLUMNS).join(', ')}`,
      );
    const limit = parseNumberParam(query.limit, 'limit', MAX_LIMIT) ?? DEFAULT_LIMIT;
    const offset = parseNumberParam(query.offset, 'offset') ?? 0;
    const after = parseDateParam(query.after, 'after');
    const before = parseDateParam(query.before, 'before');
    const within = parseNumberParam(query.within, 'within');
    // Run ids are uuids; any other id names no run of this sync (rather than a database error).
    if (query.runId !== undefined && !isUuid(query.runId)) return { data: [], hasMore: false };

    const qb = this.runs
      .createQueryBuilder('r')
      .where('r.workspace_id = :workspaceId AND r.sync_id = :syncId', { workspaceId, syncId });
    if (query.runId) qb.andWhere('r.id = :runId', { runId: query.runId });
    if (after) qb.andWhere('r.created_at > :after', { after });
    if (before) qb.andWhere('r.created_at < :before', { before });
    if (within !== undefined)
      qb.andWhere('r.created_at > now() - make_interval(mins => :within)', { within });
    const found = await qb
      .orderBy(ORDER_COLUMNS[orderBy], 'DESC', 'NULLS FIRST')
      .addOrderBy('r.seq', 'DESC')
      .offset(offset)
      .limit(limit + 1)
      .getMany();
    return { data: found.slice(0, limit), hasMore: found.length > limit };
  }
}
