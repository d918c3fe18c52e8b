import { ErrorCode } from '@syncline/errors';
import { ValidationError } from 'class-validator';
import { validationExceptionFactory } from '../validation-exception-factory.util';

function failure(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validationExceptionFactory', () => {
  it('lists every field problem in one BAD_USER_INPUT error', () => {
    const err = validationExceptionFactory([
      failure('primaryKey', { isNotEmpty: 'primaryKey should not be empty' }),
      failure('mode', { isIn: 'mode must be one of insert, update, upsert, mirror' }),
    ]);
    expect(err.code).toBe(ErrorCode.BadUserInput);
    expect(err.message).toBe(
      'Invalid input: primaryKey should not be empty; mode must be one of insert, update, upsert, mirror',
    );
    expect(err.details).toEqual({
      problems: ['primaryKey should not be empty', 'mode must be one of insert, update, upsert, mirror'],
    });
  });

  it('prefixes nested fields with their path', () => {
    const err = validationExceptionFactory([
      failure('input', {}, [failure('name', { isString: 'name must be a string' })]),
    ]);
    expect(err.details?.problems).toEqual(['input.name must be a string']);
  });
});
