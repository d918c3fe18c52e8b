/**
 * Checks a sync's mapping against the fields its destination object reports, when the sync is saved.
 * Discovery needs the destination to answer; when it cannot (unreachable, credentials, a table not created
 * yet, too slow), the sync is saved anyway and its runs report the problem: saving a sync must not depend
 * on another system being up.
 */
import { Injectable, Logger } from '@nestjs/common';
import { destinationConnector } from '@syncline/connectors';
import type { SyncEntity } from '@syncline/db';
import type { DestinationField } from '@syncline/domain';
import { isSynclineError } from '@syncline/errors';
import { validateMappingAgainstFields } from '@syncline/mapping';
import { DestinationService } from '../destination/destination.service';

export type MappedSync = Pick<SyncEntity, 'destinationId' | 'destinationObject' | 'mode' | 'mapping'>;

@Injectable()
export class SyncMappingCheckService {
  private readonly logger = new Logger(SyncMappingCheckService.name);

  constructor(private readonly destinations: DestinationService) {}

  /** Throws INVALID_MAPPING listing every problem; returns quietly when the fields cannot be read now. */
  async check(workspaceId: string, sync: MappedSync): Promise<void> {
    const fields = await this.discoverFields(workspaceId, sync);
    if (!fields) return;
    const { type } = await this.destinations.get(workspaceId, sync.destinationId);
    validateMappingAgainstFields(sync.mapping, fields, sync.mode, destinationConnector(type).fieldNames);
  }

  private async discoverFields(
    workspaceId: string,
    sync: MappedSync,
  ): Promise<DestinationField[] | undefined> {
    try {
      const object = sync.destinationObject ?? (await this.soleObject(workspaceId, sync.destinationId));
      if (object === undefined) return undefined;
      return await this.destinations.fields(workspaceId, sync.destinationId, object);
    } catch (err) {
      // SynclineError messages are written for users and carry no secrets; anything else may quote config.
      const reason = isSynclineError(err)
        ? `${err.code}: ${err.message}`
        : err instanceof Error
          ? err.name
          : 'unknown error';
      this.logger.warn(
        `Saved the mapping of a sync to destination ${sync.destinationId} without checking its fields (${reason})`,
      );
      return undefined;
    }
  }

  /** A destination with a single object (a webhook) needs no object on the sync. */
  private async soleObject(workspaceId: string, destinationId: string): Promise<string | undefined> {
    const objects = await this.destinations.objects(workspaceId, destinationId);
    return objects.length === 1 ? objects[0]!.name : undefined;
  }
}
