import { BadRequestException } from '@nestjs/common';
import { ErrorCode, errorAudience, SynclineError } from '@syncline/errors';
import { formatGraphqlError } from '../format-graphql-error.util';
import { toGraphqlError } from '../to-graphql-error.util';

describe('toGraphqlError', () => {
  it('keeps a SynclineError code, message and details', () => {
    const { graphqlError, audience } = toGraphqlError(
      new SynclineError(ErrorCode.InvalidConfig, 'Invalid postgres config: host: required', {
        details: { issues: ['host: required'] },
      }),
    );
    expect(graphqlError.message).toBe('Invalid postgres config: host: required');
    expect(graphqlError.extensions).toEqual({
      code: 'INVALID_CONFIG',
      details: { issues: ['host: required'] },
    });
    expect(audience).toBe('caller');
  });

  it('omits details when there are none', () => {
    expect(toGraphqlError(new SynclineError(ErrorCode.NotFound, 'gone')).graphqlError.extensions).toEqual({
      code: 'NOT_FOUND',
    });
  });

  it('hides unknown errors behind INTERNAL', () => {
    const { graphqlError, audience } = toGraphqlError(
      new Error('relation "secret_table" does not exist in SELECT password FROM …'),
    );
    expect(graphqlError.message).toBe('Internal error');
    expect(graphqlError.extensions).toEqual({ code: 'INTERNAL' });
    expect(audience).toBe('internal');
  });

  it('hides the message of a SynclineError coded INTERNAL', () => {
    expect(
      toGraphqlError(new SynclineError(ErrorCode.Internal, 'pool exhausted at db-1')).graphqlError.message,
    ).toBe('Internal error');
  });

  it('marks transient codes for retry and reports bad requests from Nest pipes as BAD_USER_INPUT', () => {
    expect(toGraphqlError(new SynclineError(ErrorCode.OrchestratorUnavailable, 'down')).audience).toBe(
      'retry-later',
    );
    expect(toGraphqlError(new BadRequestException('bad id')).graphqlError.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('classifies every ErrorCode', () => {
    for (const code of Object.values(ErrorCode))
      expect(['caller', 'retry-later', 'internal']).toContain(errorAudience(code));
  });
});

describe('formatGraphqlError', () => {
  it('masks errors that escaped the filter', () => {
    expect(
      formatGraphqlError({
        message: 'connect ECONNREFUSED 10.0.0.5:5432',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ).toEqual({
      message: 'Internal error',
      path: undefined,
      extensions: { code: 'INTERNAL' },
    });
  });

  it('leaves validation errors alone', () => {
    const formatted = {
      message: 'Cannot query field "config"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatGraphqlError(formatted)).toBe(formatted);
  });
});
