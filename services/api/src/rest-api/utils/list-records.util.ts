/**
 * Hightouch's list parameters (name, slug, limit, orderBy) applied to a workspace's records. The control
 * plane holds few records per workspace, so filtering in memory keeps one code path for every kind.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { parseNumberParam } from './parse-number-param.util';

export const LIST_ORDER_BY = ['id', 'name', 'slug', 'createdAt', 'updatedAt'] as const;
type OrderBy = (typeof LIST_ORDER_BY)[number];

export interface ListQuery {
  name?: string;
  slug?: string;
  limit?: string;
  orderBy?: string;
}

export interface Listed<T> {
  data: T[];
  hasMore: boolean;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function listRecords<
  T extends { id: string; name?: string; slug: string; createdAt: Date; updatedAt: Date },
>(records: T[], query: ListQuery): Listed<T> {
  const orderBy = (query.orderBy ?? 'id') as OrderBy;
  if (!LIST_ORDER_BY.includes(orderBy))
    throw new SynclineError(ErrorCode.BadUserInput, `orderBy must be one of ${LIST_ORDER_BY.join(', ')}`);
  const limit = parseNumberParam(query.limit, 'limit', MAX_LIMIT) ?? DEFAULT_LIMIT;
  const matching = records
    .filter(
      (r) =>
        (query.name === undefined || r.name === query.name) &&
        (query.slug === undefined || r.slug === query.slug),
    )
    .sort((a, b) => {
      const x = a[orderBy];
      const y = b[orderBy];
      if (x instanceof Date && y instanceof Date) return x.getTime() - y.getTime();
      return String(x).localeCompare(String(y));
    });
  return { data: matching.slice(0, limit), hasMore: matching.length > limit };
}
