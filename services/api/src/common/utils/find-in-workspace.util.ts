/**
 * Loads one record of a workspace or throws NOT_FOUND. Another workspace's id and a malformed id get the
 * same answer, so ids from other tenants reveal nothing.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { FindOptionsWhere, Repository } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function notFoundError(kind: string, id: string): SynclineError {
  return new SynclineError(ErrorCode.NotFound, `No ${kind} with id "${id}" in this workspace`, {
    details: { kind, id },
  });
}

export async function findInWorkspace<T extends { id: string; workspaceId: string }>(
  repo: Repository<T>,
  kind: string,
  workspaceId: string,
  id: string,
): Promise<T> {
  if (!isUuid(id)) throw notFoundError(kind, id);
  const found = await repo.findOneBy({ id, workspaceId } as FindOptionsWhere<T>);
  if (!found) throw notFoundError(kind, id);
  return found;
}
