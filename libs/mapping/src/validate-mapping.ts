/** Checks a mapping against the model's columns before anything is sent. */
import type { FieldMapping } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { templateProblem } from './mapping-template';
import { targetPathProblems } from './target-path';

export function validateMapping(mapping: readonly FieldMapping[], columns: readonly string[]): void {
  if (mapping.length === 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      'The mapping is empty: map at least one column to a destination field.',
    );
  }
  const known = new Set(columns);
  const missing = mapping.flatMap((m) => ('from' in m && !known.has(m.from) ? [m.from] : []));
  if (missing.length > 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `The mapping uses columns the model does not return: ${missing.join(', ')} (model columns: ${columns.join(', ')})`,
      { details: { missingColumns: missing } },
    );
  }
  // Mappings saved through the API were checked already; this catches ones written any other way.
  const problems = [
    ...targetPathProblems(mapping),
    ...mapping.flatMap((m) => {
      const problem = 'template' in m ? templateProblem(m.template) : undefined;
      return problem ? [`field "${m.to}": ${problem}`] : [];
    }),
  ];
  if (problems.length > 0) {
    throw new SynclineError(ErrorCode.InvalidMapping, `Invalid mapping: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
}
