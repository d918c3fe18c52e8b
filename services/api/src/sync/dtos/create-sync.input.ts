/** Input of createSync; the mapping's shape is checked by parseFieldMapping (INVALID_MAPPING). */
import { Field, ID, InputType } from '@nestjs/graphql';
import { SYNC_MODES, type SyncMode } from '@syncline/domain';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';

@InputType()
export class CreateSyncInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => ID) @IsString() @IsNotEmpty() modelId!: string;
  @Field(() => ID) @IsString() @IsNotEmpty() destinationId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() destinationObject?: string;
  @Field(() => String)
  @IsIn(SYNC_MODES, { message: `mode must be one of ${SYNC_MODES.join(', ')}` })
  mode!: SyncMode;
  @Field(() => GraphQLJSON) @IsDefined() mapping!: unknown;
}
