/** How a sync applies changes to the destination. */
export type SyncMode = 'insert' | 'update' | 'upsert' | 'mirror';
export const SYNC_MODES: readonly SyncMode[] = ['insert', 'update', 'upsert', 'mirror'];

/** One mapping entry: a model column (or a static value) into a destination field. */
export type FieldMapping = { from: string; to: string } | { static: unknown; to: string };

export function mappedColumns(mapping: readonly FieldMapping[]): string[] {
  return mapping.flatMap((m) => ('from' in m ? [m.from] : []));
}

/** What a run does with rows whose primary key repeats: leave them out with a warning, or fail the run. */
export type DuplicateKeyPolicy = 'exclude' | 'fail';
export const DUPLICATE_KEY_POLICIES: readonly DuplicateKeyPolicy[] = ['exclude', 'fail'];

/** Where CDC diffs run: in Syncline's control plane, or by SQL inside the warehouse. */
export type CdcEngine = 'managed' | 'in-warehouse';
export const CDC_ENGINES: readonly CdcEngine[] = ['managed', 'in-warehouse'];
