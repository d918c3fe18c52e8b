/**
 * Every GraphQL operation runs as one workspace, identified by its API key (`Authorization: Bearer <key>`).
 * Keys are stored only as SHA-256 hashes, so the lookup is by hash.
 */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { hashApiKey } from '@syncline/crypto';
import { WorkspaceEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import type { GraphqlContext } from './graphql-context';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function unauthenticated(): SynclineError {
  return new SynclineError(
    ErrorCode.Unauthenticated,
    "Send a workspace API key as 'Authorization: Bearer <key>'",
  );
}

@Injectable()
export class WorkspaceAuthGuard implements CanActivate {
  constructor(@InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only GraphQL is served today; REST controllers will need their own branch here.
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    if (ctx.workspace) return true;
    const key = BEARER.exec(ctx.req.headers.authorization ?? '')?.[1];
    if (!key) throw unauthenticated();
    const workspace = await this.workspaces.findOne({
      where: { apiKeyHash: hashApiKey(key) },
      select: { id: true, name: true },
    });
    if (!workspace) throw unauthenticated();
    ctx.workspace = { id: workspace.id, name: workspace.name };
    return true;
  }
}
