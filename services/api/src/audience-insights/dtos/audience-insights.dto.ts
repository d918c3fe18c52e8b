/** What audience insights answer: size, funnel and sample; overlap of two audiences; a breakdown by value. */
import { Field, InputType, Int, ObjectType, ID } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';
import { PreviewColumnDto } from '../../model/dtos/model-preview.dto';

@InputType()
export class AudiencePreviewInput {
  @Field(() => ID, { nullable: true, description: 'A saved audience; or give parentModelId and definition.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  audienceId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() parentModelId?: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'An unsaved condition tree to preview.' })
  @IsOptional()
  definition?: unknown;
  @Field(() => Int, { nullable: true, description: 'Sample members (default and at most 100).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  sampleSize?: number;
}

@ObjectType('AudienceFunnelStep')
export class AudienceFunnelStepDto {
  @Field(() => Int, { description: 'Position of the top-level condition (0-based).' }) index!: number;
  @Field(() => Int, { description: 'Members after this condition and the ones before it.' }) size!: number;
}

@ObjectType('AudiencePreview')
export class AudiencePreviewDto {
  @Field(() => Int, { description: 'Members of the audience.' }) size!: number;
  @Field(() => Int, { description: 'Rows of the parent model.' }) total!: number;
  @Field(() => [AudienceFunnelStepDto]) funnel!: AudienceFunnelStepDto[];
  @Field(() => [PreviewColumnDto], { description: 'Columns of the sample (redacted columns left out).' })
  columns!: PreviewColumnDto[];
  @Field(() => GraphQLJSON, {
    description: 'Up to 100 members, with traits and split group, never redacted columns.',
  })
  sample!: Record<string, unknown>[];
}

@ObjectType('AudienceOverlap')
export class AudienceOverlapDto {
  @Field(() => Int) aOnly!: number;
  @Field(() => Int) bOnly!: number;
  @Field(() => Int) both!: number;
}

@ObjectType('AudienceBreakdownRow')
export class AudienceBreakdownRowDto {
  @Field(() => GraphQLJSON, { nullable: true }) value!: unknown;
  @Field(() => Int) count!: number;
}
