/** Turns class-validator failures into one BAD_USER_INPUT error listing every field problem. */
import type { ValidationError } from 'class-validator';
import { ErrorCode, SynclineError } from '@syncline/errors';

function problemsOf(error: ValidationError, prefix = ''): string[] {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) =>
    message.startsWith(`${error.property} `)
      ? `${path}${message.slice(error.property.length)}`
      : `${path}: ${message}`,
  );
  return [...own, ...(error.children ?? []).flatMap((child) => problemsOf(child, path))];
}

export function validationExceptionFactory(errors: ValidationError[]): SynclineError {
  const problems = errors.flatMap((e) => problemsOf(e));
  return new SynclineError(ErrorCode.BadUserInput, `Invalid input: ${problems.join('; ')}`, {
    details: { problems },
  });
}
