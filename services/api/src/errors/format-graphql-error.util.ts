/**
 * Apollo's last word on an error. Errors from resolvers were already mapped by GraphqlExceptionFilter;
 * this only masks the rare one that escaped it (Apollo labels those INTERNAL_SERVER_ERROR), so no
 * driver message can leak. Parse and validation errors pass through unchanged.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@syncline/errors';
import { INTERNAL_ERROR_MESSAGE } from './to-graphql-error.util';

export function formatGraphqlError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.Internal } };
}
