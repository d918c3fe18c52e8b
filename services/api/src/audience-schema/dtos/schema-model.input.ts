/**
 * Inputs of createSchemaModel / updateSchemaModel: a model's role in the Customer Studio schema. A parent
 * (usually users) may name a label column and redacted columns; an event model must name its timestamp.
 */
import { Field, ID, InputType } from '@nestjs/graphql';
import { SCHEMA_ROLES, type SchemaRole } from '@syncline/audiences';
import { ArrayMaxSize, IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';

@InputType()
export class CreateSchemaModelInput {
  @Field(() => ID) @IsString() @IsNotEmpty() modelId!: string;
  @Field(() => String, { description: 'parent, related or event.' })
  @IsIn(SCHEMA_ROLES, { message: `role must be one of ${SCHEMA_ROLES.join(', ')}` })
  role!: SchemaRole;
  @Field(() => String, { nullable: true, description: 'Parent: the column shown as a member label.' })
  @IsOptional()
  @IsString()
  labelColumn?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Parent: never shown in previews, samples, breakdowns.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  redactedColumns?: string[];
  @Field(() => String, { nullable: true, description: 'Event: when the event happened (required).' })
  @IsOptional()
  @IsString()
  timestampColumn?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Event: the event's name, for models with several kinds.",
  })
  @IsOptional()
  @IsString()
  eventTypeColumn?: string | null;
}

@InputType()
export class UpdateSchemaModelInput {
  @Field(() => ID) @IsString() @IsNotEmpty() modelId!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(SCHEMA_ROLES, { message: `role must be one of ${SCHEMA_ROLES.join(', ')}` })
  role?: SchemaRole;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() labelColumn?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  redactedColumns?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() timestampColumn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() eventTypeColumn?: string | null;
}
