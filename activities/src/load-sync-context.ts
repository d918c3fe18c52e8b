/** Loads a sync with its model, source and destination, and decrypts + validates their configs. */
import { modelForSync } from '@syncline/audiences';
import { destinationConnector, parseConnectorConfig, sourceConnector } from '@syncline/connectors';
import { DestinationEntity, ModelEntity, SourceEntity, SyncEntity } from '@syncline/db';
import type { DestinationConnector, SourceConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { ActivityDeps } from './activity-deps';

export interface SyncContext {
  sync: SyncEntity;
  model: ModelEntity;
  source: { entity: SourceEntity; connector: SourceConnector<unknown>; config: unknown };
  destination: { entity: DestinationEntity; connector: DestinationConnector<unknown>; config: unknown };
  /** The destination field the primary key is mapped to, if mapped. */
  keyField?: string;
}

async function mustFind<T extends object>(
  deps: ActivityDeps,
  entity: new () => T,
  id: string,
  what: string,
): Promise<T> {
  const found = await deps.dataSource.getRepository(entity).findOneBy({ id } as never);
  if (!found) throw new SynclineError(ErrorCode.NotFound, `The ${what} ${id} no longer exists.`);
  return found;
}

export async function loadSyncContext(deps: ActivityDeps, syncId: string): Promise<SyncContext> {
  const sync = await mustFind(deps, SyncEntity, syncId, 'sync');
  const model = await mustFind(deps, ModelEntity, sync.modelId, 'model');
  const source = await mustFind(deps, SourceEntity, model.sourceId, 'source');
  const destination = await mustFind(deps, DestinationEntity, sync.destinationId, 'destination');
  const srcConnector = sourceConnector(source.type);
  const dstConnector = destinationConnector(destination.type);
  const keyMapping = sync.mapping.find((m) => 'from' in m && m.from === model.primaryKey);
  return {
    sync,
    // A sync of one split group reads the audience filtered to that group.
    model: modelForSync(model, sync.splitGroup, source.type),
    source: {
      entity: source,
      connector: srcConnector,
      config: parseConnectorConfig(srcConnector, deps.secretBox.decryptJson(source.configEncrypted)),
    },
    destination: {
      entity: destination,
      connector: dstConnector,
      config: parseConnectorConfig(dstConnector, deps.secretBox.decryptJson(destination.configEncrypted)),
    },
    keyField: keyMapping?.to,
  };
}
