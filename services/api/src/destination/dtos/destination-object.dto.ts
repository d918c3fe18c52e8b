/** An object a destination can write (a table, a CRM object type) and the sync modes it supports. */
import { Field, ObjectType } from '@nestjs/graphql';
import type { DestinationObject } from '@syncline/domain';

@ObjectType('DestinationObject')
export class DestinationObjectDto {
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'Sync modes this object supports: insert, update, upsert, mirror.' })
  modes!: string[];

  static from(object: DestinationObject): DestinationObjectDto {
    return Object.assign(new DestinationObjectDto(), { name: object.name, modes: [...object.modes] });
  }
}
