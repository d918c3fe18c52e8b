/**
 * Whether a model edit invalidates its syncs' delivered state: CDC compares rows by primary key and by the
 * hash of what the old SQL returned, so a new key or new SQL makes the next diff meaningless without a full
 * resync. Renames and source moves with the same SQL do not.
 */
import type { FullResyncNoticeDto } from '../dtos/full-resync-notice.dto';

interface ModelQuery {
  sql: string;
  primaryKey: string;
}

export function fullResyncNotice(
  before: ModelQuery,
  after: ModelQuery,
  syncs: { id: string; name: string }[],
): FullResyncNoticeDto | null {
  const changed = [
    ...(before.sql !== after.sql ? ['sql'] : []),
    ...(before.primaryKey !== after.primaryKey ? ['primaryKey'] : []),
  ];
  if (changed.length === 0 || syncs.length === 0) return null;
  const what = changed.map((c) => (c === 'sql' ? 'SQL' : 'primary key')).join(' and ');
  return {
    changed,
    syncs: syncs.map(({ id, name }) => ({ id, name })),
    message: `The model's ${what} changed: run ${syncs.length === 1 ? 'this sync' : `these ${syncs.length} syncs`} with a full resync (${syncs.map((s) => s.name).join(', ')}) so the destination matches the new result`,
  };
}
