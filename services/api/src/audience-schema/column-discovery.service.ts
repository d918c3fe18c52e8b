/**
 * Discovers a model's columns through its source connector with a one-row read (as previewModel does), so
 * the schema is validated against what the warehouse really returns.
 */
import { Injectable } from '@nestjs/common';
import { sourceConnector } from '@syncline/connectors';
import type { Column } from '@syncline/domain';
import { SourceService } from '../source/source.service';

const DISCOVERY_TIMEOUT_MS = 30_000;

@Injectable()
export class ColumnDiscoveryService {
  constructor(private readonly sources: SourceService) {}

  async columns(workspaceId: string, model: { sourceId: string; sql: string }): Promise<Column[]> {
    const { source, config } = await this.sources.openConfig(workspaceId, model.sourceId);
    for await (const batch of sourceConnector(source.type).query(config, model.sql, {
      limit: 1,
      timeoutMs: DISCOVERY_TIMEOUT_MS,
    })) {
      return batch.columns;
    }
    return [];
  }

  async sourceType(workspaceId: string, sourceId: string): Promise<string> {
    return (await this.sources.get(workspaceId, sourceId)).type;
  }
}
