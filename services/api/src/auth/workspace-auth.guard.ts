/**
 * Every GraphQL operation and REST call runs as one workspace, identified by its API key
 * (`Authorization: Bearer <key>`, see WorkspaceKeyService); @Public() routes (health, webhooks) skip it.
 */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedRequest, GraphqlContext } from './graphql-context';
import { IS_PUBLIC } from './public.decorator';
import { WorkspaceKeyService } from './workspace-key.service';

@Injectable()
export class WorkspaceAuthGuard implements CanActivate {
  constructor(
    private readonly keys: WorkspaceKeyService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    if (context.getType<GqlContextType>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
      ctx.workspace ??= await this.keys.authenticate(ctx.req.headers.authorization);
      return true;
    }
    // REST (/api/v1): the same workspace API key, kept on the request for @RestWorkspace().
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.workspace ??= await this.keys.authenticate(req.headers.authorization);
    return true;
  }
}
