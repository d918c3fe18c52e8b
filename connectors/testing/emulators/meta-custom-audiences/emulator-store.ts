/**
 * The emulator's state of one custom audience: its members (hashed rows, as Meta keeps them) and its upload
 * sessions. Meta de-duplicates members; here a row with an EXTERN_ID is the member with that id (a later
 * upload replaces its keys), a row without one is identified by all its values. Sessions take batches in
 * increasing batch_seq until last_batch_flag closes them; a batch_seq already received is answered as before
 * without being applied again (a replayed request).
 */
import type { MatchKey } from '../../../destinations/meta-custom-audiences/match-keys';
import type { UploadCheck } from './emulator-validation';

export type Member = Partial<Record<MatchKey, string>>;

export interface UploadAnswer {
  audience_id: string;
  session_id: string;
  num_received: number;
  num_invalid_entries: number;
  invalid_entry_samples: Record<string, string>;
}

export interface SessionState {
  batches: number[];
  closed: boolean;
  answers: Map<number, UploadAnswer>;
}

export type Applied = { ok: true; answer: UploadAnswer } | { ok: false; problem: string };

const identity = (member: Member): string =>
  member.EXTERN_ID ?? JSON.stringify(Object.entries(member).sort());

export class AudienceState {
  readonly members = new Map<string, Member>();
  readonly sessions = new Map<number, SessionState>();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly subtype: string,
  ) {}

  apply(operation: 'add' | 'remove', upload: UploadCheck, refusedExternIds: ReadonlySet<string>): Applied {
    const { session } = upload;
    const state = session ? this.sessions.get(session.session_id) : undefined;
    if (session && state) {
      const replay = state.answers.get(session.batch_seq);
      if (replay) return { ok: true, answer: replay };
      if (state.closed)
        return { ok: false, problem: `(#100) Upload session ${session.session_id} is already finished` };
      if (session.batch_seq <= Math.max(...state.batches))
        return {
          ok: false,
          problem: `(#100) session.batch_seq ${session.batch_seq} must be greater than the last batch's`,
        };
    }
    const answer: UploadAnswer = {
      audience_id: this.id,
      session_id: String(session?.session_id ?? Date.now()),
      num_received: upload.data.length,
      num_invalid_entries: 0,
      invalid_entry_samples: {},
    };
    for (const row of upload.data) {
      const member: Member = {};
      upload.schema.forEach((key, i) => {
        if (row[i]) member[key] = row[i];
      });
      const problem =
        Object.keys(member).length === 0
          ? 'Row has no values'
          : member.EXTERN_ID && refusedExternIds.has(member.EXTERN_ID)
            ? 'Entry could not be matched: invalid format'
            : undefined;
      if (problem) {
        answer.num_invalid_entries += 1;
        answer.invalid_entry_samples[row.join(',')] = problem;
      } else if (operation === 'add') this.members.set(identity(member), member);
      else this.remove(member);
    }
    if (session) {
      const next = state ?? { batches: [], closed: false, answers: new Map<number, UploadAnswer>() };
      next.batches.push(session.batch_seq);
      next.answers.set(session.batch_seq, answer);
      next.closed = session.last_batch_flag;
      this.sessions.set(session.session_id, next);
    }
    return { ok: true, answer };
  }

  /** Every member whose keys include all the given ones (removal by EXTERN_ID alone, or by EMAIL, …). */
  private remove(keys: Member): void {
    for (const [id, member] of this.members) {
      const matches = (Object.keys(keys) as MatchKey[]).every((key) => member[key] === keys[key]);
      if (matches) this.members.delete(id);
    }
  }
}
