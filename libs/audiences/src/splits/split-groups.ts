/**
 * Splits: named groups with percentages summing to 100, assigned per member by a hash of its primary key
 * salted with the audience id. Groups own cumulative ranges of 10,000 buckets in their listed order, so a
 * member keeps its group while the percentages stay the same. A holdout group cannot be synced.
 */
import { ErrorCode } from '@syncline/errors';
import { z } from 'zod';
import { ProblemList } from '../errors';
import { zodProblems } from '../conditions/parse-condition-tree';
import { problemsError } from '../errors';

export interface SplitGroup {
  name: string;
  /** Up to two decimals; all groups sum to exactly 100. */
  percent: number;
  holdout?: boolean;
}

export const BUCKETS = 10_000;
export const SPLIT_GROUP_COLUMN = 'split_group';

const groupSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(100)
    .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 32), 'must not hold control characters'),
  percent: z.number().gt(0).max(100),
  holdout: z.boolean().optional(),
});

export function parseSplitGroups(input: unknown): SplitGroup[] {
  const parsed = z.array(groupSchema).min(2).max(20).safeParse(input);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).map((p) => ({ ...p, path: `groups${p.path.startsWith('[') || !p.path ? p.path : `.${p.path}`}` }));
    throw problemsError(ErrorCode.InvalidAudience, 'Invalid splits', problems);
  }
  const problems = new ProblemList();
  const seen = new Set<string>();
  parsed.data.forEach((g, i) => {
    if (Math.abs(g.percent * 100 - Math.round(g.percent * 100)) > 1e-6)
      problems.add(['groups', i, 'percent'], 'at most two decimals');
    if (seen.has(g.name)) problems.add(['groups', i, 'name'], `group "${g.name}" is listed twice`);
    seen.add(g.name);
  });
  const total = parsed.data.reduce((sum, g) => sum + Math.round(g.percent * 100), 0);
  if (total !== BUCKETS) problems.add(['groups'], `percentages sum to ${total / 100}, not 100`);
  if (parsed.data.every((g) => g.holdout))
    problems.add(['groups'], 'at least one group must not be a holdout');
  problems.throwIfAny(ErrorCode.InvalidAudience, 'Invalid splits');
  return parsed.data;
}

/** Each group's bucket range [start, end). */
export function bucketRanges(groups: readonly SplitGroup[]): { group: SplitGroup; end: number }[] {
  let end = 0;
  return groups.map((group) => {
    end += Math.round(group.percent * 100);
    return { group, end };
  });
}
