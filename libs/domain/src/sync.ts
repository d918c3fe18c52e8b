/** How a sync applies changes to the destination. */
export type SyncMode = 'insert' | 'update' | 'upsert' | 'mirror';
export const SYNC_MODES: readonly SyncMode[] = ['insert', 'update', 'upsert', 'mirror'];

/**
 * One mapping entry: a model column, a static value or a Liquid template (the row exposed as `row`) into a
 * destination field. `to` may be a dotted path (`address.city`): a nested object in the destination fields.
 */
export type FieldMapping =
  { from: string; to: string } | { static: unknown; to: string } | { template: string; to: string };

/**
 * The columns named by `from` entries. A template may read any column, so when `mappingUsesTemplates` is
 * true this list is not everything the mapping reads: callers that must see every input take the whole row.
 */
export function mappedColumns(mapping: readonly FieldMapping[]): string[] {
  return mapping.flatMap((m) => ('from' in m ? [m.from] : []));
}

export function mappingUsesTemplates(mapping: readonly FieldMapping[]): boolean {
  return mapping.some((m) => 'template' in m);
}

/** What a run does with rows whose primary key repeats: leave them out with a warning, or fail the run. */
export type DuplicateKeyPolicy = 'exclude' | 'fail';
export const DUPLICATE_KEY_POLICIES: readonly DuplicateKeyPolicy[] = ['exclude', 'fail'];

/** Where CDC diffs run: in Syncline's control plane, or by SQL inside the warehouse. */
export type CdcEngine = 'managed' | 'in-warehouse';
export const CDC_ENGINES: readonly CdcEngine[] = ['managed', 'in-warehouse'];
