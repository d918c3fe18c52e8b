/**
 * Input of updateSync: only the fields given change. The model and destination are fixed for a sync's
 * life because its delivered state (CDC) belongs to that pair; create a new sync to change them.
 */
import { Field, ID, InputType } from '@nestjs/graphql';
import { SYNC_MODES, type SyncMode } from '@syncline/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';

@InputType()
export class UpdateSyncInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() destinationObject?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(SYNC_MODES, { message: `mode must be one of ${SYNC_MODES.join(', ')}` })
  mode?: SyncMode;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() mapping?: unknown;
}
