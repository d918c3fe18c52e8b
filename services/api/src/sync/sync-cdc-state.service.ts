/**
 * A sync's delivered state (CDC) as the API sees it: whether the mapping or primary key changed since it
 * was computed (the user should run a full resync), and dropping the planner tables an in-warehouse sync
 * keeps in the warehouse when the sync is deleted.
 */
import { Injectable, Logger } from '@nestjs/common';
import { cdcFingerprint, dropWarehouseState, warehouseDialect } from '@syncline/cdc';
import { sourceConnector } from '@syncline/connectors';
import type { SyncEntity } from '@syncline/db';
import { ModelService } from '../model/model.service';
import { SourceService } from '../source/source.service';

@Injectable()
export class SyncCdcStateService {
  private readonly logger = new Logger(SyncCdcStateService.name);

  constructor(
    private readonly models: ModelService,
    private readonly sources: SourceService,
  ) {}

  /** Why a full resync is needed, or null when the delivered state matches the current mapping. */
  async fullResyncReason(sync: SyncEntity): Promise<string | null> {
    if (sync.cdcFingerprint === null) return null;
    const model = await this.models.get(sync.workspaceId, sync.modelId);
    if (sync.cdcFingerprint === cdcFingerprint(model.primaryKey, sync.mapping)) return null;
    return (
      'The mapping or the model’s primary key changed since rows were last delivered: run a full resync ' +
      '(runSync with fullResync: true) so every row is sent with the new mapping.'
    );
  }

  /** Best effort: a warehouse that is unreachable must not block deleting the sync; the reason is logged. */
  async dropWarehouseState(sync: SyncEntity): Promise<void> {
    const model = await this.models.get(sync.workspaceId, sync.modelId);
    const { source, config } = await this.sources.openConfig(sync.workspaceId, model.sourceId);
    const capability = sourceConnector(source.type).warehouse;
    if (source.cdcEngine !== 'in-warehouse' || !capability) return;
    try {
      const session = await capability.openSession(config);
      try {
        await dropWarehouseState(session, warehouseDialect(capability.dialect), sync.id);
      } finally {
        await session.close();
      }
    } catch (err) {
      this.logger.warn(
        `Could not drop the planner tables of sync ${sync.id}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
