/**
 * Resolves the workspace of an `Authorization: Bearer <key>` header. Keys are stored only as SHA-256
 * hashes, so the lookup is by hash. Shared by the GraphQL and REST paths of WorkspaceAuthGuard.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hashApiKey } from '@syncline/crypto';
import { WorkspaceEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import type { AuthenticatedWorkspace } from './graphql-context';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function unauthenticated(): SynclineError {
  return new SynclineError(
    ErrorCode.Unauthenticated,
    "Send a workspace API key as 'Authorization: Bearer <key>'",
  );
}

@Injectable()
export class WorkspaceKeyService {
  constructor(@InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>) {}

  /** The workspace the header's key belongs to; UNAUTHENTICATED when missing or unknown. */
  async authenticate(authorization: string | undefined): Promise<AuthenticatedWorkspace> {
    const key = BEARER.exec(authorization ?? '')?.[1];
    if (!key) throw unauthenticated();
    const workspace = await this.workspaces.findOne({
      where: { apiKeyHash: hashApiKey(key) },
      select: { id: true, name: true },
    });
    if (!workspace) throw unauthenticated();
    return { id: workspace.id, name: workspace.name };
  }
}
