/** Small builders for control-plane records, written through the real entities and encryption. */
import { randomBytes } from 'node:crypto';
import { SecretBox, generateApiKey, hashApiKey } from '@syncline/crypto';
import {
  DestinationEntity,
  ModelEntity,
  SourceEntity,
  SyncEntity,
  WorkspaceEntity,
  createDataSource,
} from '@syncline/db';
import type { CdcEngine, DuplicateKeyPolicy, FieldMapping, RateLimit, SyncMode } from '@syncline/domain';
import type { DataSource } from 'typeorm';

export const testEncryptionKey = (): string => randomBytes(32).toString('base64');

/** Connection config of the test Postgres server for a database (the shape of the postgres connectors). */
export function pgConnectorConfig(databaseUrl: string): Record<string, unknown> {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: url.pathname.slice(1),
    user: decodeURIComponent(url.username),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

export interface SyncFixture {
  workspaceId: string;
  apiKey: string;
  syncId: string;
  modelId: string;
  sourceId: string;
  destinationId: string;
}

export interface SyncFixtureSpec {
  source: { type: string; config: Record<string, unknown>; cdcEngine?: CdcEngine };
  model: { sql: string; primaryKey: string };
  destination: { type: string; config: Record<string, unknown>; rateLimit?: RateLimit };
  sync: {
    mode: SyncMode;
    mapping: FieldMapping[];
    destinationObject?: string;
    name?: string;
    duplicateKeyPolicy?: DuplicateKeyPolicy;
  };
}

export class ControlPlaneBuilder {
  private constructor(
    readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  static async connect(databaseUrl: string, encryptionKey: string): Promise<ControlPlaneBuilder> {
    return new ControlPlaneBuilder(
      await createDataSource(databaseUrl).initialize(),
      new SecretBox(encryptionKey),
    );
  }

  async workspace(name = 'Test workspace'): Promise<{ id: string; apiKey: string }> {
    const apiKey = generateApiKey();
    const ws = await this.dataSource
      .getRepository(WorkspaceEntity)
      .save({ name, apiKeyHash: hashApiKey(apiKey) });
    return { id: ws.id, apiKey };
  }

  async sync(spec: SyncFixtureSpec, workspace?: { id: string; apiKey: string }): Promise<SyncFixture> {
    const ws = workspace ?? (await this.workspace());
    const source = await this.dataSource.getRepository(SourceEntity).save({
      workspaceId: ws.id,
      name: 'Test source',
      type: spec.source.type,
      configEncrypted: this.box.encryptJson(spec.source.config),
      cdcEngine: spec.source.cdcEngine ?? 'managed',
    });
    const model = await this.dataSource.getRepository(ModelEntity).save({
      workspaceId: ws.id,
      sourceId: source.id,
      name: 'Test model',
      sql: spec.model.sql,
      primaryKey: spec.model.primaryKey,
    });
    const destination = await this.dataSource.getRepository(DestinationEntity).save({
      workspaceId: ws.id,
      name: 'Test destination',
      type: spec.destination.type,
      configEncrypted: this.box.encryptJson(spec.destination.config),
      rateLimit: spec.destination.rateLimit ?? null,
    });
    const sync = await this.dataSource.getRepository(SyncEntity).save({
      workspaceId: ws.id,
      name: spec.sync.name ?? 'Test sync',
      modelId: model.id,
      destinationId: destination.id,
      destinationObject: spec.sync.destinationObject ?? null,
      mode: spec.sync.mode,
      mapping: spec.sync.mapping,
      duplicateKeyPolicy: spec.sync.duplicateKeyPolicy ?? 'exclude',
    });
    return {
      workspaceId: ws.id,
      apiKey: ws.apiKey,
      syncId: sync.id,
      modelId: model.id,
      sourceId: source.id,
      destinationId: destination.id,
    };
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}
