/** Syncline's normalized column types: every source maps its native types into this set. */
export type ColumnType =
  'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'date' | 'json' | 'unknown';

export interface Column {
  name: string;
  type: ColumnType;
  /** The source's own type name, for display. */
  nativeType: string;
}

export type Row = Record<string, unknown>;

export interface RowBatch {
  columns: Column[];
  rows: Row[];
}
