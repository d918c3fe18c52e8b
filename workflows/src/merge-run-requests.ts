/**
 * How a new request folds into the one queued run: the queued run keeps its id (callers already hold it)
 * and its trigger, and the flags are OR-ed so no caller's "full resync" or "reset CDC" is lost.
 * Pure: it runs inside the workflow sandbox.
 */
import type { SyncRunRequest } from '@syncline/contracts';

export function mergeRunRequests(queued: SyncRunRequest | undefined, next: SyncRunRequest): SyncRunRequest {
  if (!queued) return { ...next };
  return {
    ...queued,
    fullResync: queued.fullResync || next.fullResync,
    resetCDC: queued.resetCDC || next.resetCDC,
  };
}
