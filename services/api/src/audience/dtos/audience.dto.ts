/** An audience as the API shows it: its condition tree, splits and the SQL it compiles to (its model's SQL). */
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { isAudienceDefinition } from '@syncline/audiences';
import type { ModelEntity } from '@syncline/db';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('SplitGroup')
export class SplitGroupDto {
  @Field(() => String) name!: string;
  @Field(() => Float) percent!: number;
  @Field(() => Boolean, { description: 'A holdout receives no syncs.' }) holdout!: boolean;
}

@ObjectType('Audience')
export class AudienceDto {
  @Field(() => ID, { description: 'Also the id of its model: give it to createSync as modelId.' })
  id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) parentModelId!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => String, { description: "The parent's primary key: the audience's key." }) primaryKey!: string;
  @Field(() => GraphQLJSON, { description: 'The condition tree (version 1).' }) definition!: unknown;
  @Field(() => [SplitGroupDto], { description: 'Empty when the audience has no splits.' })
  splits!: SplitGroupDto[];
  @Field(() => String, { description: 'The compiled SQL the source runs, for review.' }) sql!: string;
  @Field(() => String, { description: 'Fingerprint of the schema the SQL was compiled against.' })
  schemaVersion!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(model: ModelEntity): AudienceDto {
    const def = isAudienceDefinition(model.definition) ? model.definition : undefined;
    return Object.assign(new AudienceDto(), {
      id: model.id,
      name: model.name,
      parentModelId: def?.parentModelId ?? '',
      sourceId: model.sourceId,
      primaryKey: model.primaryKey,
      definition: def?.conditions ?? null,
      splits: (def?.splits ?? []).map((g) => ({
        name: g.name,
        percent: g.percent,
        holdout: g.holdout === true,
      })),
      sql: model.sql,
      schemaVersion: def?.schemaVersion ?? '',
      createdAt: model.createdAt,
      updatedAt: model.updatedAt,
    });
  }
}
