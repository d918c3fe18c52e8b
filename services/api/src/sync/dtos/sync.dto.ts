/** A sync as the API shows it: model → destination object, with a mode and a field mapping. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { SyncEntity } from '@syncline/db';
import type { FieldMapping } from '@syncline/domain';
import { GraphQLJSON } from 'graphql-type-json';
import { SyncScheduleDto } from '../../sync-schedule/dtos/sync-schedule.dto';

@ObjectType('Sync')
export class SyncDto {
  @Field(() => ID) id!: string;
  /** Not exposed: lets field resolvers load related records in the right workspace. */
  workspaceId!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) modelId!: string;
  @Field(() => ID) destinationId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Table or object type written to; null where the destination has one.',
  })
  destinationObject!: string | null;
  @Field(() => String, { description: 'insert, update, upsert or mirror.' }) mode!: string;
  @Field(() => GraphQLJSON, {
    description:
      'Array of {from, to}, {static, to} or {template, to} (Liquid, the row as `row`); a dotted `to` nests.',
  })
  mapping!: FieldMapping[];
  @Field(() => String, { description: 'Rows sharing a primary key: exclude (with a warning) or fail.' })
  duplicateKeyPolicy!: string;
  @Field(() => String, { nullable: true, description: 'The split group of an audience this sync sends.' })
  splitGroup!: string | null;
  @Field(() => SyncScheduleDto, { description: 'When the sync runs by itself, and whether that is paused.' })
  schedule!: SyncScheduleDto;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: SyncEntity): SyncDto {
    const {
      id,
      name,
      modelId,
      destinationId,
      destinationObject,
      mode,
      mapping,
      duplicateKeyPolicy,
      createdAt,
      updatedAt,
    } = entity;
    return Object.assign(new SyncDto(), {
      id,
      workspaceId: entity.workspaceId,
      name,
      modelId,
      destinationId,
      destinationObject,
      mode,
      mapping,
      duplicateKeyPolicy,
      splitGroup: entity.splitGroup,
      schedule: SyncScheduleDto.from(entity.schedule, entity.schedulePaused),
      createdAt,
      updatedAt,
    });
  }
}
