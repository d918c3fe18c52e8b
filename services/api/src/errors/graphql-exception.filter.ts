/**
 * The GraphQL boundary for errors: services throw SynclineError, this filter turns every thrown value into
 * a GraphQL error (see to-graphql-error.util.ts) and logs what needs an operator's attention.
 * Non-GraphQL requests (unknown HTTP routes) keep Nest's default HTTP handling.
 */
import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { toGraphqlError } from './to-graphql-error.util';

@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphqlExceptionFilter');

  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    const { graphqlError, audience } = toGraphqlError(exception);
    if (audience === 'internal') {
      this.logger.error(
        exception instanceof Error
          ? (exception.stack ?? exception.message)
          : `Non-error thrown: ${String(exception)}`,
      );
    } else if (audience === 'retry-later') {
      this.logger.warn(`${String(graphqlError.extensions.code)}: ${graphqlError.message}`);
    }
    return graphqlError;
  }
}
