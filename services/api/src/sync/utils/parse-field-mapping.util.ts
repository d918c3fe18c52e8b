/**
 * Checks the shape of a sync's field mapping as it arrives over the API (untyped JSON) and lists every
 * problem at once. Whether the `from` columns exist is checked by the run's plan step, against the
 * model's actual result.
 */
import type { FieldMapping } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function entryProblems(entry: unknown, at: string): string[] {
  if (!isObject(entry)) return [`${at}: must be an object {from, to} or {static, to}`];
  const problems: string[] = [];
  if (!isName(entry.to)) problems.push(`${at}.to: must be a non-empty string (the destination field)`);
  const hasFrom = 'from' in entry;
  const hasStatic = 'static' in entry;
  if (hasFrom === hasStatic) {
    problems.push(`${at}: give exactly one of "from" (a model column) or "static" (a fixed value)`);
  } else if (hasFrom && !isName(entry.from)) {
    problems.push(`${at}.from: must be a non-empty string (a model column)`);
  }
  const unknown = Object.keys(entry).filter((k) => !['from', 'static', 'to'].includes(k));
  if (unknown.length > 0) problems.push(`${at}: unknown keys ${unknown.join(', ')}`);
  return problems;
}

export function parseFieldMapping(raw: unknown): FieldMapping[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      'mapping must be a non-empty array of {from, to} or {static, to}',
    );
  }
  const problems = raw.flatMap((entry, i) => entryProblems(entry, `mapping[${i}]`));
  if (problems.length === 0) {
    const seen = new Set<string>();
    for (const entry of raw as FieldMapping[]) {
      if (seen.has(entry.to)) problems.push(`destination field "${entry.to}" is mapped more than once`);
      seen.add(entry.to);
    }
  }
  if (problems.length > 0) {
    throw new SynclineError(ErrorCode.InvalidMapping, `Invalid mapping: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  // Rebuild each entry so nothing but the known keys is stored.
  return (raw as FieldMapping[]).map((m) =>
    'from' in m ? { from: m.from, to: m.to } : { static: m.static, to: m.to },
  );
}
