/**
 * previewModel: runs a model's SQL against its source with a row limit and a statement timeout,
 * and checks the primary key is among the returned columns before the user saves or syncs the model.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isAudienceDefinition } from '@syncline/audiences';
import { sourceConnector } from '@syncline/connectors';
import { AudienceSchemaModelEntity, type ModelEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { SourceService } from '../source/source.service';
import type { ModelPreviewDto } from './dtos/model-preview.dto';
import type { PreviewModelInput } from './dtos/preview-model.input';
import { ModelService } from './model.service';
import { readPreview } from './utils/read-preview.util';

export const PREVIEW_ROW_LIMIT = 100;
export const PREVIEW_TIMEOUT_MS = 30_000;

@Injectable()
export class ModelPreviewService {
  constructor(
    private readonly models: ModelService,
    private readonly sources: SourceService,
    @InjectRepository(AudienceSchemaModelEntity)
    private readonly schemaModels: Repository<AudienceSchemaModelEntity>,
  ) {}

  /** Columns of a Customer Studio parent (or of an audience on it) that previews never show. */
  private async redacted(workspaceId: string, model: ModelEntity | undefined): Promise<string[]> {
    if (!model) return [];
    const parentId = isAudienceDefinition(model.definition) ? model.definition.parentModelId : model.id;
    const parent = await this.schemaModels.findOneBy({ modelId: parentId, workspaceId });
    return parent?.redactedColumns ?? [];
  }

  async preview(workspaceId: string, input: PreviewModelInput): Promise<ModelPreviewDto> {
    const saved = input.modelId ? await this.models.get(workspaceId, input.modelId) : undefined;
    const sourceId = input.sourceId ?? saved?.sourceId;
    const sql = input.sql ?? saved?.sql;
    const primaryKey = input.primaryKey ?? saved?.primaryKey;
    if (!sourceId || !sql) {
      throw new SynclineError(ErrorCode.BadUserInput, 'Give either modelId, or sourceId and sql');
    }
    const { source, config } = await this.sources.openConfig(workspaceId, sourceId);
    const hidden = await this.redacted(workspaceId, saved);
    const read = await readPreview(
      sourceConnector(source.type).query(config, sql, {
        limit: PREVIEW_ROW_LIMIT,
        timeoutMs: PREVIEW_TIMEOUT_MS,
      }),
      PREVIEW_ROW_LIMIT,
    );
    const columns = read.columns.filter((c) => !hidden.includes(c.name));
    const rows = read.rows.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !hidden.includes(k))),
    );
    const names = read.columns.map((c) => c.name);
    if (primaryKey !== undefined && !names.includes(primaryKey)) {
      throw new SynclineError(
        ErrorCode.PrimaryKeyMissing,
        `primary key column ${primaryKey} is not in the query result (columns: ${names.join(', ')})`,
        { details: { primaryKey, columns: names } },
      );
    }
    if (rows.length === 0) {
      // An empty model cannot show that its key identifies rows, and a mirror sync of it would remove
      // everything already delivered: tell the user before they save a sync on it.
      throw new SynclineError(
        ErrorCode.EmptyModel,
        `The model returned no rows (columns: ${names.join(', ')}): check its SQL and filters`,
        { details: { columns: names } },
      );
    }
    return { columns, rows, primaryKeyFound: primaryKey === undefined ? null : true };
  }
}
