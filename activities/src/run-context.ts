/**
 * What a run's activities work with: the settings its plan pinned on the run record, the connectors they
 * name and the connector configs as planned. Plan pins them from the sync's current settings; deliver and
 * commit get the same pin back and never read the sync, model or source again (a change saved meanwhile
 * applies from the next run). Only the destination's rate limit is read live: a new limit applies at once.
 */
import { audienceRunSettings, modelForSync } from '@syncline/audiences';
import { cdcFingerprint } from '@syncline/cdc';
import { destinationConnector, parseConnectorConfig, sourceConnector } from '@syncline/connectors';
import {
  DestinationEntity,
  ModelEntity,
  type PinnedRun,
  SourceEntity,
  SyncEntity,
  type SyncRunEntity,
  SyncRunStore,
} from '@syncline/db';
import type { DestinationConnector, RunSettings, SourceConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { ActivityDeps } from './activity-deps';

export interface RunContext {
  run: SyncRunEntity;
  settings: RunSettings;
  source: { connector: SourceConnector<unknown>; config: unknown };
  destination: { entity: DestinationEntity; connector: DestinationConnector<unknown>; config: unknown };
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

/** Pins the sync's current settings on the run (a no-op returning the first pin when one exists). */
async function pinCurrentSettings(deps: ActivityDeps, runId: string, syncId: string): Promise<PinnedRun> {
  const sync = await mustFind(deps, SyncEntity, syncId, 'sync');
  const model = await mustFind(deps, ModelEntity, sync.modelId, 'model');
  const source = await mustFind(deps, SourceEntity, model.sourceId, 'source');
  const destination = await mustFind(deps, DestinationEntity, sync.destinationId, 'destination');
  const keyMapping = sync.mapping.find((m) => 'from' in m && m.from === model.primaryKey);
  const settings: RunSettings = {
    sourceId: source.id,
    sourceType: source.type,
    cdcEngine: source.cdcEngine,
    // A sync of one split group reads the audience filtered to that group.
    modelSql: modelForSync(model, sync.splitGroup, source.type).sql,
    primaryKey: model.primaryKey,
    destinationId: destination.id,
    destinationType: destination.type,
    destinationObject: sync.destinationObject,
    mode: sync.mode,
    mapping: sync.mapping,
    mappingFingerprint: cdcFingerprint(model.primaryKey, sync.mapping),
    keyField: keyMapping?.to ?? null,
    duplicateKeyPolicy: sync.duplicateKeyPolicy,
    keepDeliveredFields: destinationConnector(destination.type).keepDeliveredFields === true,
    audience: audienceRunSettings(model, sync.splitGroup),
  };
  return new SyncRunStore(deps.dataSource).pin(runId, settings, {
    source: source.configEncrypted,
    destination: destination.configEncrypted,
  });
}

/**
 * The run as planned. The first call (plan's) pins the settings; a run planned by an older release, which
 * pinned nothing, is pinned by the first activity of this release that reaches it.
 */
export async function runContext(deps: ActivityDeps, runId: string, syncId: string): Promise<RunContext> {
  const pinned =
    (await new SyncRunStore(deps.dataSource).pinned(runId)) ??
    (await pinCurrentSettings(deps, runId, syncId));
  const { settings } = pinned;
  const source = sourceConnector(settings.sourceType);
  const destination = destinationConnector(settings.destinationType);
  return {
    run: pinned.run,
    settings,
    source: {
      connector: source,
      config: parseConnectorConfig(source, deps.secretBox.decryptJson(pinned.sourceConfigEncrypted)),
    },
    destination: {
      entity: await mustFind(deps, DestinationEntity, settings.destinationId, 'destination'),
      connector: destination,
      config: parseConnectorConfig(
        destination,
        deps.secretBox.decryptJson(pinned.destinationConfigEncrypted),
      ),
    },
  };
}
