/**
 * Compiles every audience of a workspace against a (proposed) schema state, so a change to the schema, a
 * trait, a model or an audience is refused when it would leave any audience uncompilable, and saved with
 * every audience's new SQL otherwise. An audience's SQL embeds its models' SQL: it follows their edits.
 */
import { Injectable } from '@nestjs/common';
import { compileAudienceSql, schemaVersion, type AudienceDefinition } from '@syncline/audiences';
import { ModelEntity } from '@syncline/db';
import { ErrorCode, SynclineError, isSynclineError } from '@syncline/errors';
import type { EntityManager } from 'typeorm';
import { audiencesOf, compileInputFor, type SchemaState } from './schema-state';

export interface CompiledAudience {
  model: ModelEntity;
  sql: string;
  definition: AudienceDefinition;
  /** The parent's key and source: an audience's model follows them. */
  primaryKey: string;
  sourceId: string;
}

@Injectable()
export class AudienceCompilerService {
  /** Every audience of the state compiled; throws INVALID_AUDIENCE naming the first audience that fails. */
  compileAll(state: SchemaState): CompiledAudience[] {
    return audiencesOf(state).map((model) => this.compile(state, model));
  }

  compile(state: SchemaState, model: ModelEntity & { definition: AudienceDefinition }): CompiledAudience {
    const definition = model.definition;
    try {
      const input = compileInputFor(state, definition.parentModelId);
      const sql = compileAudienceSql(
        {
          id: model.id,
          name: model.name,
          parentModelId: definition.parentModelId,
          conditions: definition.conditions,
          splits: definition.splits,
        },
        input,
      );
      const parent = state.models.get(definition.parentModelId)!;
      return {
        model,
        sql,
        definition: { ...definition, schemaVersion: schemaVersion(input, definition.parentModelId) },
        primaryKey: parent.primaryKey,
        sourceId: parent.sourceId,
      };
    } catch (err) {
      if (!isSynclineError(err)) throw err;
      throw new SynclineError(
        err.code === ErrorCode.InvalidSchema ? ErrorCode.InvalidSchema : ErrorCode.InvalidAudience,
        `Audience "${model.name}" would not compile: ${err.message}`,
        { details: { audienceId: model.id, ...err.details } },
      );
    }
  }

  /** Saves the audiences whose SQL or schema version changed. */
  async save(em: EntityManager, compiled: CompiledAudience[]): Promise<void> {
    for (const c of compiled) {
      const before = c.model.definition as AudienceDefinition | null;
      const same =
        c.model.sql === c.sql &&
        before?.schemaVersion === c.definition.schemaVersion &&
        c.model.primaryKey === c.primaryKey &&
        c.model.sourceId === c.sourceId;
      if (same) continue;
      c.model.sql = c.sql;
      c.model.primaryKey = c.primaryKey;
      c.model.sourceId = c.sourceId;
      c.model.definition = { ...c.definition };
      await em.save(ModelEntity, c.model);
    }
  }
}
