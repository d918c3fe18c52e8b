/**
 * Traits of one workspace. A trait is checked by compiling its parent's audience query with it (every
 * audience of the parent selects every trait), and every audience is recompiled when traits change.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  compileAudienceSql,
  problemsError,
  TRAIT_NAME,
  traitDefinitionSchema,
  zodProblems,
} from '@syncline/audiences';
import { AudienceTraitEntity } from '@syncline/db';
import { ErrorCode } from '@syncline/errors';
import { Repository } from 'typeorm';
import { AudienceCompilerService } from '../audience-schema/audience-compiler.service';
import { audiencesOf, compileInputFor, withRecord } from '../audience-schema/schema-state';
import { SchemaStateService } from '../audience-schema/schema-state.service';
import { mentioning } from '../audience-schema/utils/check-relationships.util';
import { findInWorkspace } from '../common/utils/find-in-workspace.util';
import { inUseError } from '../common/utils/in-use-error.util';
import type { CreateTraitInput, UpdateTraitInput } from './dtos/trait.input';

const invalid = (path: string, message: string) =>
  problemsError(ErrorCode.InvalidAudience, 'Invalid trait', [{ path, message }]);

function parseDefinition(input: unknown): Record<string, unknown> {
  const parsed = traitDefinitionSchema.safeParse(input);
  if (!parsed.success)
    throw problemsError(
      ErrorCode.InvalidAudience,
      'Invalid trait definition',
      zodProblems(parsed.error).map((p) => ({ ...p, path: `definition${p.path ? `.${p.path}` : ''}` })),
    );
  return { ...parsed.data };
}

function checkName(name: string): void {
  if (!TRAIT_NAME.test(name))
    throw invalid('name', 'must be a column name: a letter or _, then letters, digits or _ (at most 63)');
}

@Injectable()
export class TraitService {
  constructor(
    @InjectRepository(AudienceTraitEntity) private readonly repo: Repository<AudienceTraitEntity>,
    private readonly state: SchemaStateService,
    private readonly compiler: AudienceCompilerService,
  ) {}

  list(workspaceId: string, parentModelId?: string): Promise<AudienceTraitEntity[]> {
    return this.repo.find({
      where: { workspaceId, ...(parentModelId ? { parentModelId } : {}) },
      order: { createdAt: 'ASC' },
    });
  }

  get(workspaceId: string, id: string): Promise<AudienceTraitEntity> {
    return findInWorkspace(this.repo, 'trait', workspaceId, id);
  }

  async create(workspaceId: string, input: CreateTraitInput): Promise<AudienceTraitEntity> {
    checkName(input.name);
    const entity = this.repo.create({
      id: randomUUID(),
      workspaceId,
      parentModelId: input.parentModelId,
      name: input.name,
      definition: parseDefinition(input.definition),
    });
    return this.save(workspaceId, entity);
  }

  async update(workspaceId: string, input: UpdateTraitInput): Promise<AudienceTraitEntity> {
    const entity = await this.get(workspaceId, input.id);
    if (input.name !== undefined && input.name !== null) {
      checkName(input.name);
      entity.name = input.name;
    }
    if (input.definition !== undefined && input.definition !== null)
      entity.definition = parseDefinition(input.definition);
    return this.save(workspaceId, entity);
  }

  async delete(workspaceId: string, id: string): Promise<AudienceTraitEntity> {
    const entity = await this.get(workspaceId, id);
    const state = await this.state.load(workspaceId);
    const users = mentioning(audiencesOf(state), (a) => a.definition.conditions, id);
    if (users.length > 0) throw inUseError('trait', id, 'audiences', users);
    const compiled = this.compiler.compileAll(withRecord(state, 'traits', entity, true));
    await this.state.transaction(async (em) => {
      await em.delete(AudienceTraitEntity, { id, workspaceId });
      await this.compiler.save(em, compiled);
    });
    return entity;
  }

  private async save(workspaceId: string, entity: AudienceTraitEntity): Promise<AudienceTraitEntity> {
    const state = await this.state.load(workspaceId);
    if (!state.schemaModels.some((m) => m.modelId === entity.parentModelId && m.role === 'parent'))
      throw invalid('parentModelId', `model ${entity.parentModelId} is not a parent model of the schema`);
    if (
      state.traits.some(
        (t) => t.id !== entity.id && t.parentModelId === entity.parentModelId && t.name === entity.name,
      )
    )
      throw invalid('name', `the parent already has a trait "${entity.name}"`);
    const next = withRecord(state, 'traits', entity);
    // The parent's query with every trait: checks this one even when no audience uses the parent yet.
    compileAudienceSql(
      {
        id: 'trait-check',
        name: 'trait check',
        parentModelId: entity.parentModelId,
        conditions: { version: 1, type: 'and', conditions: [] },
      },
      compileInputFor(next, entity.parentModelId),
    );
    const compiled = this.compiler.compileAll(next);
    return this.state.transaction(async (em) => {
      const saved = await em.save(entity);
      await this.compiler.save(em, compiled);
      return saved;
    });
  }
}
