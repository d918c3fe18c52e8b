/**
 * Opaque page cursors for sync runs. They wrap the run's monotonic `seq` (ids are random, so they
 * cannot order a page); clients must not parse them, which lets us change the encoding later.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';

const PREFIX = 'syncrun:';

export function encodeSyncRunCursor(seq: string): string {
  return Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64');
}

/** Returns the seq inside a cursor; BAD_USER_INPUT for anything this API did not hand out. */
export function decodeSyncRunCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const seq = decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : '';
  if (!/^[1-9][0-9]{0,18}$/.test(seq)) {
    throw new SynclineError(
      ErrorCode.BadUserInput,
      `Invalid cursor "${cursor}": pass an endCursor from a previous page`,
    );
  }
  return seq;
}
