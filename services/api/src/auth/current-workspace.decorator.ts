/** `@CurrentWorkspace() workspace` — the workspace WorkspaceAuthGuard resolved from the API key. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { AuthenticatedWorkspace, GraphqlContext } from './graphql-context';

export const CurrentWorkspace = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const workspace = GqlExecutionContext.create(context).getContext<GraphqlContext>().workspace;
  // Field resolvers skip guards; their parent query already ran the guard, so this means a wiring bug.
  if (!workspace) throw new SynclineError(ErrorCode.Unauthenticated, 'No authenticated workspace');
  return workspace satisfies AuthenticatedWorkspace;
});
