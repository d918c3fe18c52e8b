/**
 * The one mapping from anything a resolver throws to the GraphQL error a client sees:
 * SynclineError → `extensions.code` = its ErrorCode, its message and details; anything else → INTERNAL
 * with a fixed message, so driver errors (which may quote SQL or hosts) never reach the client.
 */
import { BadRequestException } from '@nestjs/common';
import { type ErrorAudience, ErrorCode, errorAudience, isSynclineError } from '@syncline/errors';
import { GraphQLError } from 'graphql';

export const INTERNAL_ERROR_MESSAGE = 'Internal error';

export interface MappedError {
  graphqlError: GraphQLError;
  audience: ErrorAudience;
}

function internal(): MappedError {
  return {
    graphqlError: new GraphQLError(INTERNAL_ERROR_MESSAGE, { extensions: { code: ErrorCode.Internal } }),
    audience: 'internal',
  };
}

export function toGraphqlError(exception: unknown): MappedError {
  if (isSynclineError(exception)) {
    const audience = errorAudience(exception.code);
    if (audience === 'internal') return internal();
    const extensions: Record<string, unknown> = { code: exception.code };
    if (exception.details !== undefined) extensions.details = exception.details;
    return { graphqlError: new GraphQLError(exception.message, { extensions }), audience };
  }
  // Nest's own pipes (e.g. a malformed ID argument) report bad input this way.
  if (exception instanceof BadRequestException) {
    return {
      graphqlError: new GraphQLError(exception.message, { extensions: { code: ErrorCode.BadUserInput } }),
      audience: 'caller',
    };
  }
  return internal();
}
