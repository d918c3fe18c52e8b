/** Sources of one workspace: CRUD, connection checks, and opening the config for previews. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { sourceConnector } from '@syncline/connectors';
import { ModelEntity, SourceEntity } from '@syncline/db';
import type { DiscoveredTable, CdcEngine, CheckResult } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import { ConnectorConfigService } from '../connector-config/connector-config.service';
import type { CreateSourceInput } from './dtos/create-source.input';
import type { UpdateSourceInput } from './dtos/update-source.input';

@Injectable()
export class SourceService {
  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>,
    private readonly connectorConfig: ConnectorConfigService,
  ) {}

  list(workspaceId: string): Promise<SourceEntity[]> {
    return this.sources.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  get(workspaceId: string, id: string): Promise<SourceEntity> {
    return findInWorkspace(this.sources, 'source', workspaceId, id);
  }

  create(workspaceId: string, input: CreateSourceInput): Promise<SourceEntity> {
    const configEncrypted = this.connectorConfig.seal(sourceConnector(input.type), input.config);
    const cdcEngine = input.cdcEngine ?? 'managed';
    assertEngineSupported(input.type, cdcEngine);
    return this.sources.save(
      this.sources.create({ workspaceId, name: input.name, type: input.type, configEncrypted, cdcEngine }),
    );
  }

  async update(workspaceId: string, input: UpdateSourceInput): Promise<SourceEntity> {
    const source = await this.get(workspaceId, input.id);
    if (input.name !== undefined) source.name = input.name;
    if (input.cdcEngine !== undefined) {
      assertEngineSupported(source.type, input.cdcEngine);
      source.cdcEngine = input.cdcEngine;
    }
    if (input.config !== undefined) {
      source.configEncrypted = this.connectorConfig.sealPatch(
        sourceConnector(source.type),
        source.configEncrypted,
        input.config,
      );
    }
    return this.sources.save(source);
  }

  async delete(workspaceId: string, id: string): Promise<SourceEntity> {
    const source = await this.get(workspaceId, id);
    const dependents = await this.models.find({
      where: { workspaceId, sourceId: id },
      select: { id: true, name: true },
    });
    if (dependents.length > 0) throw inUseError('source', id, 'models', dependents);
    await this.sources.delete({ id, workspaceId });
    return source;
  }

  async test(workspaceId: string, id: string): Promise<CheckResult> {
    const { source, config } = await this.openConfig(workspaceId, id);
    return sourceConnector(source.type).check(config);
  }

  /** Schemas, tables and typed columns the source's user can see (the table-model picker). */
  async discover(workspaceId: string, id: string): Promise<DiscoveredTable[]> {
    const { source, config } = await this.openConfig(workspaceId, id);
    return sourceConnector(source.type).discover(config);
  }

  /** The source with its decrypted, validated config; for calling the connector, never for returning. */
  async openConfig(workspaceId: string, id: string): Promise<{ source: SourceEntity; config: unknown }> {
    const source = await this.get(workspaceId, id);
    return {
      source,
      config: this.connectorConfig.open(sourceConnector(source.type), source.configEncrypted),
    };
  }
}

/** In-warehouse CDC needs a source connector that can open a warehouse session (and a dialect for it). */
function assertEngineSupported(type: string, engine: CdcEngine): void {
  if (engine === 'in-warehouse' && !sourceConnector(type).warehouse) {
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `Source type "${type}" does not support in-warehouse CDC; use cdcEngine "managed".`,
    );
  }
}
