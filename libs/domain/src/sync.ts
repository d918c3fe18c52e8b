/** How a sync applies changes to the destination. */
export type SyncMode = 'insert' | 'update' | 'upsert' | 'mirror';
export const SYNC_MODES: readonly SyncMode[] = ['insert', 'update', 'upsert', 'mirror'];

/** One mapping entry: a model column (or a static value) into a destination field. */
export type FieldMapping = { from: string; to: string } | { static: unknown; to: string };

export function mappedColumns(mapping: readonly FieldMapping[]): string[] {
  return mapping.flatMap((m) => ('from' in m ? [m.from] : []));
}
