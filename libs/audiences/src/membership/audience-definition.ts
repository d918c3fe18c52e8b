/**
 * What an audience's model stores in `model.definition`: the condition tree (versioned), its parent, its
 * splits and the schema version its SQL was compiled against. The model's `sql` is the compiled query.
 */
import type { AudienceRunSettings } from '@syncline/domain';
import type { ConditionTree } from '../conditions/condition-types';
import type { SplitGroup } from '../splits/split-groups';

export interface AudienceDefinition {
  kind: 'audience';
  parentModelId: string;
  conditions: ConditionTree;
  splits: SplitGroup[] | null;
  schemaVersion: string;
}

export function isAudienceDefinition(value: unknown): value is AudienceDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'audience' &&
    typeof (value as { parentModelId?: unknown }).parentModelId === 'string'
  );
}

/** What a run of a sync over this model pins for membership history; null when the model is no audience. */
export function audienceRunSettings(
  model: { id: string; kind: string; definition: unknown },
  splitGroup: string | null,
): AudienceRunSettings | null {
  if (model.kind !== 'audience' || !isAudienceDefinition(model.definition)) return null;
  return { modelId: model.id, splitGroup, splits: model.definition.splits };
}
