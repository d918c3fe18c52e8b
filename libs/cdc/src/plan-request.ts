/** What both CDC engines take and return when planning a run. */
import type { OpCounts, RunWarning } from '@syncline/contracts';
import type { DuplicateKeyPolicy, FieldMapping } from '@syncline/domain';

export interface PlanRequest {
  runId: string;
  syncId: string;
  primaryKey: string;
  mapping: readonly FieldMapping[];
  duplicateKeyPolicy: DuplicateKeyPolicy;
  /** Send every current row as added and stage no removals. */
  fullResync: boolean;
  /** Mark the current result as delivered and stage nothing. */
  resetCDC: boolean;
  /**
   * The destination reads the fields last delivered for each changed row (`deliveredFields`): the managed
   * engine then keeps every accepted row's payload in its state. Optional so callers that predate it keep
   * storing hashes only; the in-warehouse engine keeps hashes only and ignores it.
   */
  keepDeliveredFields?: boolean;
  /** Called with the model's column names before any change is staged (mapping checks). */
  onColumns?: (columns: string[]) => void;
}

export interface PlanOutcome {
  queryRows: number;
  /** Rows left out: null primary key, or a key shared by several rows. */
  skippedRows: number;
  planned: OpCounts;
  warnings: RunWarning[];
}
