/** Parses a condition tree from JSON input; shape errors come back with their node paths. */
import { ErrorCode } from '@syncline/errors';
import type { z } from 'zod';
import { problemsError, formatPath, type Problem } from '../errors';
import { conditionTreeSchema } from './condition-schema';
import type { ConditionTree } from './condition-types';

const NODE_TYPES = 'and, or, property, relation, event, event_sequence, audience, trait';

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && issue.discriminator === 'type' && issue.errors.length === 0)
    return `must be one of ${NODE_TYPES}`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  return issue.message;
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path.filter((p): p is string | number => typeof p !== 'symbol')),
    message: describe(issue),
  }));
}

export function parseConditionTree(input: unknown): ConditionTree {
  const parsed = conditionTreeSchema.safeParse(input);
  if (!parsed.success) {
    throw problemsError(ErrorCode.InvalidAudience, 'Invalid audience definition', zodProblems(parsed.error));
  }
  return parsed.data;
}
