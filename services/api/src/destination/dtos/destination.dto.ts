/** A destination as the API shows it. Its config is write-only: there is deliberately no `config` field. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { destinationConnector } from '@syncline/connectors';
import type { DestinationEntity } from '@syncline/db';
import { RateLimitDto } from './rate-limit.dto';

@ObjectType('Destination')
export class DestinationDto {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Connector type, e.g. "postgres", "webhook".' }) type!: string;
  @Field(() => RateLimitDto, {
    description:
      "The limit every worker shares when sending to this account: the destination's own, or its connector's documented default.",
  })
  rateLimit!: RateLimitDto;
  @Field(() => Boolean, { description: "True when rateLimit is the connector's default." })
  rateLimitIsDefault!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: DestinationEntity): DestinationDto {
    const { id, name, type, createdAt, updatedAt } = entity;
    const rateLimit = entity.rateLimit ?? destinationConnector(type).defaultRateLimit;
    const rateLimitIsDefault = entity.rateLimit === null;
    return Object.assign(new DestinationDto(), {
      id,
      name,
      type,
      rateLimit,
      rateLimitIsDefault,
      createdAt,
      updatedAt,
    });
  }
}
