/**
 * Which part of an audience a sync may send: an audience with splits is synced one group at a time (so the
 * holdout receives nothing, and nobody is sent to two groups' destinations); other models take no group.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { isAudienceDefinition } from '../membership/audience-definition';

export function checkSyncTarget(
  model: { name: string; kind: string; definition: Record<string, unknown> | null },
  splitGroup: string | null | undefined,
): void {
  const splits =
    model.kind === 'audience' && isAudienceDefinition(model.definition) ? model.definition.splits : null;
  const fail = (message: string) =>
    new SynclineError(ErrorCode.BadUserInput, message, { details: { field: 'splitGroup' } });
  if (!splits || splits.length === 0) {
    if (splitGroup) throw fail(`splitGroup applies to audiences with splits; "${model.name}" has none`);
    return;
  }
  const names = splits.map((g) => g.name).join(', ');
  if (!splitGroup)
    throw fail(`Audience "${model.name}" is split: give the splitGroup this sync sends (groups: ${names})`);
  const group = splits.find((g) => g.name === splitGroup);
  if (!group) throw fail(`Audience "${model.name}" has no split group "${splitGroup}" (groups: ${names})`);
  if (group.holdout)
    throw fail(`"${splitGroup}" is the holdout group of "${model.name}": it receives no syncs`);
}
