/** Destinations of one workspace: CRUD and connection checks. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { destinationConnector } from '@syncline/connectors';
import { DestinationEntity, SyncEntity } from '@syncline/db';
import type { CheckResult, DestinationField, DestinationObject } from '@syncline/domain';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import { ConnectorConfigService } from '../connector-config/connector-config.service';
import type { CreateDestinationInput } from './dtos/create-destination.input';
import type { UpdateDestinationInput } from './dtos/update-destination.input';
import { withinTimeLimit } from './utils/within-time-limit.util';

const DISCOVERY_TIME_LIMIT_MS = 20_000;

@Injectable()
export class DestinationService {
  constructor(
    @InjectRepository(DestinationEntity) private readonly destinations: Repository<DestinationEntity>,
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    private readonly connectorConfig: ConnectorConfigService,
  ) {}

  list(workspaceId: string): Promise<DestinationEntity[]> {
    return this.destinations.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<DestinationEntity> {
    return findInWorkspace(this.destinations, 'destination', workspaceId, id);
  }

  create(workspaceId: string, input: CreateDestinationInput): Promise<DestinationEntity> {
    const configEncrypted = this.connectorConfig.seal(destinationConnector(input.type), input.config);
    return this.destinations.save(
      this.destinations.create({
        workspaceId,
        name: input.name,
        type: input.type,
        configEncrypted,
        rateLimit: input.rateLimit ? { ...input.rateLimit } : null,
      }),
    );
  }

  async update(workspaceId: string, input: UpdateDestinationInput): Promise<DestinationEntity> {
    const destination = await this.get(workspaceId, input.id);
    if (input.name !== undefined) destination.name = input.name;
    if (input.rateLimit !== undefined)
      destination.rateLimit = input.rateLimit ? { ...input.rateLimit } : null;
    if (input.config !== undefined) {
      destination.configEncrypted = this.connectorConfig.sealPatch(
        destinationConnector(destination.type),
        destination.configEncrypted,
        input.config,
      );
    }
    return this.destinations.save(destination);
  }

  async delete(workspaceId: string, id: string): Promise<DestinationEntity> {
    const destination = await this.get(workspaceId, id);
    const dependents = await this.syncs.find({
      where: { workspaceId, destinationId: id },
      select: { id: true, name: true },
    });
    if (dependents.length > 0) throw inUseError('destination', id, 'syncs', dependents);
    await this.destinations.delete({ id, workspaceId });
    return destination;
  }

  async test(workspaceId: string, id: string): Promise<CheckResult> {
    const { destination, config } = await this.openConfig(workspaceId, id);
    return destinationConnector(destination.type).check(config);
  }

  /** What the destination can write (tables, object types), for choosing a sync's destination object. */
  async objects(workspaceId: string, id: string): Promise<DestinationObject[]> {
    const { destination, config } = await this.openConfig(workspaceId, id);
    return withinTimeLimit(
      destinationConnector(destination.type).objects(config),
      DISCOVERY_TIME_LIMIT_MS,
      `Destination "${destination.name}"`,
    );
  }

  /** The fields of one destination object; empty for free-form destinations (webhook). */
  async fields(workspaceId: string, id: string, object: string): Promise<DestinationField[]> {
    const { destination, config } = await this.openConfig(workspaceId, id);
    return withinTimeLimit(
      destinationConnector(destination.type).fields(config, object),
      DISCOVERY_TIME_LIMIT_MS,
      `Destination "${destination.name}"`,
    );
  }

  /** The destination with its decrypted, validated config; for calling the connector, never for returning. */
  private async openConfig(
    workspaceId: string,
    id: string,
  ): Promise<{ destination: DestinationEntity; config: unknown }> {
    const destination = await this.get(workspaceId, id);
    return {
      destination,
      config: this.connectorConfig.open(destinationConnector(destination.type), destination.configEncrypted),
    };
  }
}
