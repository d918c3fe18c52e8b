/**
 * Problems found in a schema or an audience, each named by where it is: `conditions[1].operator: 'contains'
 * is not valid for a number column`. All problems are reported at once, like config errors.
 */
import { type ErrorCode, SynclineError } from '@syncline/errors';

export interface Problem {
  path: string;
  message: string;
}

export type Path = readonly (string | number)[];

/** `['conditions', 1, 'operator']` → `conditions[1].operator`. */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function problemsError(
  code: ErrorCode.InvalidAudience | ErrorCode.InvalidSchema,
  what: string,
  problems: Problem[],
): SynclineError {
  const text = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  return new SynclineError(code, `${what}: ${text}`, { details: { problems } });
}

/** Collects problems while walking a definition; throws them together. */
export class ProblemList {
  readonly problems: Problem[] = [];

  add(path: Path, message: string): void {
    this.problems.push({ path: formatPath(path), message });
  }

  throwIfAny(code: ErrorCode.InvalidAudience | ErrorCode.InvalidSchema, what: string): void {
    if (this.problems.length > 0) throw problemsError(code, what, this.problems);
  }
}
