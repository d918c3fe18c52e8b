/**
 * The `session` of a users upload. The deliver step gives a write neither its position in the run nor
 * whether it is the last one, and a retried write may run on another worker, so Syncline keeps no counter:
 * each write is one complete session (batch_seq 1, last_batch_flag true) whose id is a hash of the run,
 * audience, operation and the batch's idempotency keys. A retried write replays the same session id, which
 * Meta answers as a replay; a split batch (isolating refused rows) gets new ids. With a batch position and
 * a last-batch flag in WriteContext, one session per run could span every write (see the report).
 */
import { createHash } from 'node:crypto';

export interface UploadSession {
  session_id: number;
  batch_seq: number;
  last_batch_flag: boolean;
  estimated_num_total: number;
}

export type UploadOperation = 'add' | 'remove';

/** 52 bits of a SHA-256: a positive integer JSON and every Graph SDK carry exactly. */
export function uploadSessionId(parts: readonly string[]): number {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 13);
  return Number.parseInt(hex, 16) || 1;
}

export function uploadSession(
  runId: string | undefined,
  audienceId: string,
  operation: UploadOperation,
  idempotencyKeys: readonly string[],
): UploadSession {
  return {
    session_id: uploadSessionId([runId ?? 'no-run', audienceId, operation, idempotencyKeys.join(',')]),
    batch_seq: 1,
    last_batch_flag: true,
    estimated_num_total: idempotencyKeys.length,
  };
}
