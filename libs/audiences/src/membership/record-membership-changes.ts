/**
 * Membership history: when a run of an audience sync commits, the members the destination accepted as added
 * entered and those accepted as removed left. Recorded from the staged CDC diff before commit drops it,
 * with the member's split group (the sync's group, or the group its key hashes to). Idempotent per
 * (run, key), so a retried commit records nothing twice. A full resync re-sends members already delivered:
 * those are not counted as entering again.
 */
import type { AudienceRunSettings } from '@syncline/domain';
import type { Pool } from 'pg';
import { postgresDialect } from '../dialects/postgres.dialect';
import { bucketRanges, type SplitGroup } from '../splits/split-groups';

/** The control plane is Postgres: the same hash as the Postgres dialect, over the staged key text. */
function groupOfKeySql(audienceId: string, groups: readonly SplitGroup[]): string {
  const d = postgresDialect;
  const bucket = d.splitBucket('c.key', d.string(`${audienceId}:`));
  const ranges = bucketRanges(groups);
  const whens = ranges.slice(0, -1).map((r) => `WHEN ${bucket} < ${r.end} THEN ${d.string(r.group.name)}`);
  return `CASE ${whens.join(' ')} ELSE ${d.string(ranges[ranges.length - 1]!.group.name)} END`;
}

/** Records the run's entered/left members; a no-op for runs of models that are not audiences. */
export async function recordMembershipChanges(
  pool: Pick<Pool, 'query'>,
  runId: string,
  syncId: string,
  audience: AudienceRunSettings | null | undefined,
): Promise<number> {
  if (!audience) return 0;
  const { splits } = audience;
  const group = audience.splitGroup
    ? postgresDialect.string(audience.splitGroup)
    : splits && splits.length > 0
      ? groupOfKeySql(audience.modelId, splits)
      : 'NULL';
  const { rowCount } = await pool.query(
    `INSERT INTO audience_membership_change (run_id, key, audience_id, sync_id, change, split_group)
     SELECT c.run_id, c.key, $2, $3, CASE c.op WHEN 'added' THEN 'entered' ELSE 'left' END, ${group}
       FROM cdc_change c
       JOIN sync_run_row r ON r.run_id = c.run_id AND r.key = c.key AND r.status = 'accepted'
       JOIN sync_run run ON run.id = c.run_id
      WHERE c.run_id = $1 AND c.op IN ('added', 'removed')
        AND NOT (run.full_resync AND c.op = 'added' AND COALESCE((
              SELECT h.change = 'entered' FROM audience_membership_change h
               WHERE h.sync_id = $3 AND h.key = c.key AND h.run_id <> c.run_id
               ORDER BY h.seq DESC LIMIT 1), FALSE))
     ON CONFLICT (run_id, key) DO NOTHING`,
    [runId, audience.modelId, syncId],
  );
  return rowCount ?? 0;
}
