/**
 * Input of createSync; the mapping's shape is checked by parseFieldMapping and its fields against the
 * destination object (both INVALID_MAPPING).
 */
import { Field, ID, InputType } from '@nestjs/graphql';
import { DUPLICATE_KEY_POLICIES, SYNC_MODES, type DuplicateKeyPolicy, type SyncMode } from '@syncline/domain';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';
import { SyncScheduleInput } from '../../sync-schedule/dtos/sync-schedule.input';

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
  @Field(() => SyncScheduleInput, { nullable: true, description: 'When the sync runs by itself (manual).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SyncScheduleInput)
  schedule?: SyncScheduleInput;
  @Field(() => String, {
    nullable: true,
    description: 'Rows sharing a primary key: "exclude" them with a warning (default) or "fail" the run.',
  })
  @IsOptional()
  @IsIn(DUPLICATE_KEY_POLICIES, {
    message: `duplicateKeyPolicy must be one of ${DUPLICATE_KEY_POLICIES.join(', ')}`,
  })
  duplicateKeyPolicy?: DuplicateKeyPolicy;
  @Field(() => String, {
    nullable: true,
    description:
      'For an audience with splits: the split group this sync sends (required there; never a holdout).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  splitGroup?: string;
}
