/** What every resolver can read from the GraphQL context; `workspace` is set by WorkspaceAuthGuard. */
import type { Request } from 'express';

export interface AuthenticatedWorkspace {
  id: string;
  name: string;
}

export interface GraphqlContext {
  req: Request;
  workspace?: AuthenticatedWorkspace;
}

/** An HTTP request of a REST controller, after WorkspaceAuthGuard. */
export interface AuthenticatedRequest extends Request {
  workspace?: AuthenticatedWorkspace;
}
