/** A field of a destination object, as a mapping's `to` may name it. */
import { Field, ObjectType } from '@nestjs/graphql';
import type { DestinationField } from '@syncline/domain';

@ObjectType('DestinationField')
export class DestinationFieldDto {
  @Field(() => String) name!: string;
  @Field(() => String, {
    description:
      'string, number, integer, boolean, date, datetime, json or enumeration; values are coerced to it.',
  })
  type!: string;
  @Field(() => Boolean, { description: 'Insert, upsert and mirror syncs must map it.' }) required!: boolean;

  static from(field: DestinationField): DestinationFieldDto {
    const { name, type, required } = field;
    return Object.assign(new DestinationFieldDto(), { name, type, required });
  }
}
