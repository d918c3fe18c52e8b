/**
 * Checks the shape of a sync's field mapping as it arrives over the API (untyped JSON) and lists every
 * problem at once: entry shapes, Liquid templates that do not parse or use unknown filters, and `to` paths
 * that collide. Whether the `from` columns exist is checked by the run's plan step, against the model's
 * actual result; whether the `to` fields exist, against the destination (validateSyncMapping).
 */
import type { FieldMapping } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { targetPathProblems, templateProblem } from '@syncline/mapping';

const SOURCES = ['from', 'static', 'template'] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function entryProblems(entry: unknown, at: string): string[] {
  if (!isObject(entry)) return [`${at}: must be an object {from, to}, {static, to} or {template, to}`];
  const problems: string[] = [];
  if (!isName(entry.to)) problems.push(`${at}.to: must be a non-empty string (the destination field)`);
  const given = SOURCES.filter((key) => key in entry);
  if (given.length !== 1) {
    problems.push(
      `${at}: give exactly one of "from" (a model column), "static" (a fixed value) or "template" (Liquid)`,
    );
  } else if (given[0] === 'from' && !isName(entry.from)) {
    problems.push(`${at}.from: must be a non-empty string (a model column)`);
  } else if (given[0] === 'template') {
    if (!isName(entry.template)) {
      problems.push(`${at}.template: must be a non-empty string (a Liquid template)`);
    } else {
      const problem = templateProblem(entry.template);
      if (problem) problems.push(`${at}.template: ${problem}`);
    }
  }
  const unknown = Object.keys(entry).filter((k) => k !== 'to' && !(SOURCES as readonly string[]).includes(k));
  if (unknown.length > 0) problems.push(`${at}: unknown keys ${unknown.join(', ')}`);
  return problems;
}

function rebuild(m: FieldMapping): FieldMapping {
  if ('from' in m) return { from: m.from, to: m.to };
  if ('template' in m) return { template: m.template, to: m.to };
  return { static: m.static, to: m.to };
}

export function parseFieldMapping(raw: unknown): FieldMapping[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      'mapping must be a non-empty array of {from, to}, {static, to} or {template, to}',
    );
  }
  const problems = raw.flatMap((entry, i) => entryProblems(entry, `mapping[${i}]`));
  if (problems.length === 0) problems.push(...targetPathProblems(raw as FieldMapping[]));
  if (problems.length > 0) {
    throw new SynclineError(ErrorCode.InvalidMapping, `Invalid mapping: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  // Rebuild each entry so nothing but the known keys is stored.
  return (raw as FieldMapping[]).map(rebuild);
}
