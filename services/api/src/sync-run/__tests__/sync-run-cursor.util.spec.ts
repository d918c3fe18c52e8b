import { ErrorCode, SynclineError } from '@syncline/errors';
import { decodeSyncRunCursor, encodeSyncRunCursor } from '../utils/sync-run-cursor.util';

describe('sync run cursors', () => {
  it('round-trips a seq through an opaque base64 cursor', () => {
    const cursor = encodeSyncRunCursor('9007199254740993');
    expect(cursor).not.toContain('9007199254740993');
    expect(decodeSyncRunCursor(cursor)).toBe('9007199254740993');
  });

  it.each([
    ['garbage', 'not base64 at all!'],
    ['another prefix', Buffer.from('user:12').toString('base64')],
    ['a non-numeric seq', Buffer.from('syncrun:12; DROP TABLE x').toString('base64')],
    ['a zero seq', Buffer.from('syncrun:0').toString('base64')],
    ['empty', ''],
  ])('rejects %s with BAD_USER_INPUT', (_name, cursor) => {
    expect(() => decodeSyncRunCursor(cursor)).toThrow(SynclineError);
    try {
      decodeSyncRunCursor(cursor);
    } catch (err) {
      expect((err as SynclineError).code).toBe(ErrorCode.BadUserInput);
    }
  });
});
