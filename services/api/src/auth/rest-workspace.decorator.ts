/** `@RestWorkspace() workspace` in REST controllers — the workspace WorkspaceAuthGuard resolved from the key. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { AuthenticatedRequest } from './graphql-context';

export const RestWorkspace = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const workspace = context.switchToHttp().getRequest<AuthenticatedRequest>().workspace;
  // The guard runs before every non-public handler, so this means a wiring bug (a @Public() controller).
  if (!workspace) throw new SynclineError(ErrorCode.Unauthenticated, 'No authenticated workspace');
  return workspace;
});
