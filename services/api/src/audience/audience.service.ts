/**
 * Audiences of one workspace. An audience is a model of kind `audience` on the parent's source: its SQL is
 * compiled from the condition tree when saved, and again whenever the schema, a trait or an audience it
 * names changes, so syncs and CDC use it like any model.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  checkSyncTarget,
  parseConditionTree,
  parseSplitGroups,
  problemsError,
  type AudienceDefinition,
  type SplitGroup,
} from '@syncline/audiences';
import { ModelEntity, SyncEntity } from '@syncline/db';
import { ErrorCode, SynclineError, isSynclineError } from '@syncline/errors';
import { Repository } from 'typeorm';
import { AudienceCompilerService } from '../audience-schema/audience-compiler.service';
import { audiencesOf, withModel } from '../audience-schema/schema-state';
import { SchemaStateService } from '../audience-schema/schema-state.service';
import { mentioning } from '../audience-schema/utils/check-relationships.util';
import { findInWorkspace, notFoundError } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import type { CreateAudienceInput, SetAudienceSplitsInput, UpdateAudienceInput } from './dtos/audience.input';

export type AudienceModel = ModelEntity & { definition: AudienceDefinition };

@Injectable()
export class AudienceService {
  constructor(
    @InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>,
    @InjectRepository(SyncEntity) private readonly syncs: Repository<SyncEntity>,
    private readonly state: SchemaStateService,
    private readonly compiler: AudienceCompilerService,
  ) {}

  async list(workspaceId: string, parentModelId?: string): Promise<AudienceModel[]> {
    const all = await this.models.find({
      where: { workspaceId, kind: 'audience' },
      order: { createdAt: 'ASC' },
    });
    return (all as AudienceModel[]).filter(
      (m) => !parentModelId || m.definition.parentModelId === parentModelId,
    );
  }

  async get(workspaceId: string, id: string): Promise<AudienceModel> {
    const model = await findInWorkspace(this.models, 'audience', workspaceId, id);
    if (model.kind !== 'audience') throw notFoundError('audience', id);
    return model as AudienceModel;
  }

  async create(workspaceId: string, input: CreateAudienceInput): Promise<AudienceModel> {
    const conditions = parseConditionTree(input.definition);
    const state = await this.state.load(workspaceId);
    const parent = state.models.get(input.parentModelId);
    const isParent = state.schemaModels.some((m) => m.modelId === input.parentModelId && m.role === 'parent');
    if (!parent || !isParent) {
      throw problemsError(ErrorCode.InvalidAudience, 'Invalid audience definition', [
        {
          path: 'parentModelId',
          message: `model ${input.parentModelId} is not a parent model of the schema`,
        },
      ]);
    }
    const model = this.models.create({
      id: randomUUID(),
      workspaceId,
      sourceId: parent.sourceId,
      name: input.name,
      kind: 'audience',
      primaryKey: parent.primaryKey,
      sql: '',
      definition: { kind: 'audience', parentModelId: parent.id, conditions, splits: null, schemaVersion: '' },
    }) as AudienceModel;
    return this.saveWith(workspaceId, model, state);
  }

  async update(workspaceId: string, input: UpdateAudienceInput): Promise<AudienceModel> {
    const model = await this.get(workspaceId, input.id);
    if (input.name !== undefined) model.name = input.name;
    if (input.definition !== undefined && input.definition !== null)
      model.definition = { ...model.definition, conditions: parseConditionTree(input.definition) };
    return this.saveWith(workspaceId, model);
  }

  /** Splits (null: none). Refused while a sync targets a group the new splits lack or make a holdout. */
  async setSplits(
    workspaceId: string,
    audienceId: string,
    groups: SplitGroup[] | null,
  ): Promise<AudienceModel> {
    const model = await this.get(workspaceId, audienceId);
    const next = { ...model, definition: { ...model.definition, splits: groups } } as AudienceModel;
    for (const sync of await this.syncs.findBy({ workspaceId, modelId: audienceId })) {
      try {
        checkSyncTarget(next, sync.splitGroup);
      } catch (err) {
        if (!isSynclineError(err)) throw err;
        throw new SynclineError(
          ErrorCode.InUse,
          `Sync "${sync.name}" (${sync.id}) would break: ${err.message}. Change or delete it first.`,
          {
            details: {
              kind: 'audience',
              id: audienceId,
              dependentKind: 'syncs',
              dependents: [{ id: sync.id, name: sync.name }],
            },
          },
        );
      }
    }
    model.definition = next.definition;
    return this.saveWith(workspaceId, model);
  }

  parseSplits(input: SetAudienceSplitsInput): SplitGroup[] {
    return parseSplitGroups(
      input.groups.map((g) => ({
        name: g.name,
        percent: g.percent,
        ...(g.holdout === undefined ? {} : { holdout: g.holdout }),
      })),
    );
  }

  async delete(workspaceId: string, id: string): Promise<AudienceModel> {
    const model = await this.get(workspaceId, id);
    const syncs = await this.syncs.find({
      where: { workspaceId, modelId: id },
      select: { id: true, name: true },
    });
    if (syncs.length > 0) throw inUseError('audience', id, 'syncs', syncs);
    const state = await this.state.load(workspaceId);
    const others = audiencesOf(state).filter((a) => a.id !== id);
    const users = mentioning(others, (a) => a.definition.conditions, id);
    if (users.length > 0) throw inUseError('audience', id, 'audiences (membership conditions)', users);
    await this.models.delete({ id, workspaceId });
    return model;
  }

  /** Compiles every audience with `model` as saved, and saves them together. */
  private async saveWith(
    workspaceId: string,
    model: AudienceModel,
    loaded?: Awaited<ReturnType<SchemaStateService['load']>>,
  ) {
    const next = withModel(loaded ?? (await this.state.load(workspaceId)), model);
    const compiled = this.compiler.compileAll(next);
    await this.state.transaction(async (em) => {
      await this.compiler.save(em, compiled);
      await em.save(ModelEntity, model);
    });
    return this.get(workspaceId, model.id);
  }
}
