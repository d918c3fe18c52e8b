/**
 * Audience insights, computed by the warehouse in one statement each (libs/audiences insight SQL): preview
 * (size, funnel, sample without redacted columns), overlap of two audiences, breakdown by a column.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  breakdownSql,
  funnelSql,
  overlapSql,
  parseConditionTree,
  problemsError,
  sampleSql,
  type AudienceSpec,
} from '@syncline/audiences';
import { sourceConnector } from '@syncline/connectors';
import type { Row } from '@syncline/domain';
import { ErrorCode } from '@syncline/errors';
import { compileInputFor, type SchemaState } from '../audience-schema/schema-state';
import { SchemaStateService } from '../audience-schema/schema-state.service';
import { AudienceService } from '../audience/audience.service';
import { readPreview, type PreviewResult } from '../model/utils/read-preview.util';
import { SourceService } from '../source/source.service';
import type {
  AudienceOverlapDto,
  AudiencePreviewDto,
  AudiencePreviewInput,
  AudienceBreakdownRowDto,
} from './dtos/audience-insights.dto';

const INSIGHT_TIMEOUT_MS = 60_000;
const SAMPLE_LIMIT = 100;

const count = (row: Row | undefined, key: string): number => Number(row?.[key] ?? 0) || 0;

@Injectable()
export class AudienceInsightsService {
  constructor(
    private readonly audiences: AudienceService,
    private readonly state: SchemaStateService,
    private readonly sources: SourceService,
  ) {}

  async preview(workspaceId: string, input: AudiencePreviewInput): Promise<AudiencePreviewDto> {
    const state = await this.state.load(workspaceId);
    const spec = await this.specOf(workspaceId, input);
    const compileInput = compileInputFor(state, spec.parentModelId);
    const redacted = this.redacted(state, spec.parentModelId);
    const sampleSize = input.sampleSize ?? SAMPLE_LIMIT;
    const [funnel, sample] = await Promise.all([
      this.run(workspaceId, state, spec.parentModelId, funnelSql(spec, compileInput), 1),
      sampleSize > 0
        ? this.run(
            workspaceId,
            state,
            spec.parentModelId,
            sampleSql(spec, compileInput, redacted, sampleSize),
            sampleSize,
          )
        : Promise.resolve<PreviewResult>({ columns: [], rows: [] }),
    ]);
    const row = funnel.rows[0];
    return {
      size: count(row, 'size'),
      total: count(row, 'total'),
      funnel: spec.conditions.conditions.map((_, i) => ({ index: i, size: count(row, `step${i + 1}`) })),
      columns: sample.columns.filter((c) => !redacted.includes(c.name)),
      sample: sample.rows.map((r) =>
        Object.fromEntries(Object.entries(r).filter(([k]) => !redacted.includes(k))),
      ),
    };
  }

  async overlap(workspaceId: string, a: string, b: string): Promise<AudienceOverlapDto> {
    const [first, second] = [
      await this.audiences.get(workspaceId, a),
      await this.audiences.get(workspaceId, b),
    ];
    if (first.definition.parentModelId !== second.definition.parentModelId)
      throw problemsError(ErrorCode.InvalidAudience, 'Invalid overlap', [
        { path: 'b', message: `"${second.name}" is built on another parent model than "${first.name}"` },
      ]);
    const state = await this.state.load(workspaceId);
    const sql = overlapSql(
      this.saved(first),
      this.saved(second),
      compileInputFor(state, first.definition.parentModelId),
    );
    const { rows } = await this.run(workspaceId, state, first.definition.parentModelId, sql, 1);
    return { aOnly: count(rows[0], 'a_only'), bOnly: count(rows[0], 'b_only'), both: count(rows[0], 'both') };
  }

  async breakdown(
    workspaceId: string,
    audienceId: string,
    column: string,
  ): Promise<AudienceBreakdownRowDto[]> {
    const audience = await this.audiences.get(workspaceId, audienceId);
    const parentId = audience.definition.parentModelId;
    const state = await this.state.load(workspaceId);
    if (this.redacted(state, parentId).includes(column))
      throw problemsError(ErrorCode.InvalidAudience, 'Invalid breakdown', [
        { path: 'column', message: `"${column}" is redacted` },
      ]);
    const sql = breakdownSql(this.saved(audience), compileInputFor(state, parentId), column);
    const { rows } = await this.run(workspaceId, state, parentId, sql, 20);
    return rows.map((r) => ({ value: r.value ?? null, count: count(r, 'n') }));
  }

  private saved(model: Awaited<ReturnType<AudienceService['get']>>): AudienceSpec {
    const { parentModelId, conditions, splits } = model.definition;
    return { id: model.id, name: model.name, parentModelId, conditions, splits };
  }

  private async specOf(workspaceId: string, input: AudiencePreviewInput): Promise<AudienceSpec> {
    if (input.audienceId) return this.saved(await this.audiences.get(workspaceId, input.audienceId));
    if (!input.parentModelId || input.definition === undefined || input.definition === null)
      throw problemsError(ErrorCode.InvalidAudience, 'Invalid preview', [
        { path: 'audienceId', message: 'give audienceId, or parentModelId and definition' },
      ]);
    return {
      id: randomUUID(),
      name: 'preview',
      parentModelId: input.parentModelId,
      conditions: parseConditionTree(input.definition),
    };
  }

  private redacted(state: SchemaState, parentModelId: string): string[] {
    return state.schemaModels.find((m) => m.modelId === parentModelId)?.redactedColumns ?? [];
  }

  private async run(
    workspaceId: string,
    state: SchemaState,
    parentModelId: string,
    sql: string,
    limit: number,
  ): Promise<PreviewResult> {
    const sourceId = state.models.get(parentModelId)!.sourceId;
    const { source, config } = await this.sources.openConfig(workspaceId, sourceId);
    return readPreview(
      sourceConnector(source.type).query(config, sql, { limit, timeoutMs: INSIGHT_TIMEOUT_MS }),
      limit,
    );
  }
}
