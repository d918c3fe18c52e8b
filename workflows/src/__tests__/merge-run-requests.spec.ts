import type { SyncRunRequest } from '@syncline/contracts';
import { mergeRunRequests } from '../merge-run-requests';

const request = (runId: string, flags: Partial<SyncRunRequest> = {}): SyncRunRequest => ({
  runId,
  trigger: 'api',
  fullResync: false,
  resetCDC: false,
  ...flags,
});

describe('mergeRunRequests', () => {
  it('queues the first request as it is', () => {
    expect(mergeRunRequests(undefined, request('a', { fullResync: true }))).toEqual(
      request('a', { fullResync: true }),
    );
  });

  it('keeps the queued run id and trigger and ORs the flags of later requests', () => {
    const queued = request('a', { trigger: 'schedule', resetCDC: true });
    const merged = mergeRunRequests(queued, request('b', { trigger: 'manual', fullResync: true }));
    expect(merged).toEqual({ runId: 'a', trigger: 'schedule', fullResync: true, resetCDC: true });
  });
});
