/**
 * A sync of one split group reads the audience model filtered to that group, so each group can go to its own
 * destinations (the holdout to none). Applied when the worker loads the sync, before planning.
 */
import { audienceDialect } from '../dialects';
import { SPLIT_GROUP_COLUMN } from '../splits/split-groups';

export function splitGroupSql(sourceType: string, audienceSql: string, group: string): string {
  const d = audienceDialect(sourceType);
  return `SELECT * FROM (${audienceSql}) ${d.ident('audience')} WHERE ${d.ident('audience')}.${d.ident(SPLIT_GROUP_COLUMN)} = ${d.string(group)}`;
}

/** The model as a sync of `splitGroup` reads it (unchanged when the sync targets the whole audience). */
export function modelForSync<M extends { kind: string; sql: string }>(
  model: M,
  splitGroup: string | null | undefined,
  sourceType: string,
): M {
  if (!splitGroup || model.kind !== 'audience') return model;
  return { ...model, sql: splitGroupSql(sourceType, model.sql, splitGroup) };
}
