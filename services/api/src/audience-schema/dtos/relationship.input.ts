/** Inputs of createRelationship / updateRelationship: column pairs, a cardinality, a join model for many-to-many. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { CARDINALITIES, type Cardinality } from '@syncline/audiences';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';

@InputType('ColumnPairInput')
export class ColumnPairInput {
  @Field(() => String) @IsString() @IsNotEmpty() from!: string;
  @Field(() => String) @IsString() @IsNotEmpty() to!: string;
}

@InputType()
export class RelationshipThroughInput {
  @Field(() => ID, { description: 'The join model (in the schema).' })
  @IsString()
  @IsNotEmpty()
  modelId!: string;
  @Field(() => [ColumnPairInput], { description: 'Join model columns = columns of the related model.' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ColumnPairInput)
  joins!: ColumnPairInput[];
}

@InputType()
export class CreateRelationshipInput {
  @Field(() => ID) @IsString() @IsNotEmpty() fromModelId!: string;
  @Field(() => ID) @IsString() @IsNotEmpty() toModelId!: string;
  @Field(() => String, { description: 'one-to-one, one-to-many, many-to-one or many-to-many.' })
  @IsIn(CARDINALITIES, { message: `cardinality must be one of ${CARDINALITIES.join(', ')}` })
  cardinality!: Cardinality;
  @Field(() => [ColumnPairInput], { description: 'From-model columns = to-model (or join model) columns.' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ColumnPairInput)
  joins!: ColumnPairInput[];
  @Field(() => RelationshipThroughInput, { nullable: true, description: 'Many-to-many only.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RelationshipThroughInput)
  through?: RelationshipThroughInput | null;
}

@InputType()
export class UpdateRelationshipInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(CARDINALITIES, { message: `cardinality must be one of ${CARDINALITIES.join(', ')}` })
  cardinality?: Cardinality;
  @Field(() => [ColumnPairInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ColumnPairInput)
  joins?: ColumnPairInput[];
  @Field(() => RelationshipThroughInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RelationshipThroughInput)
  through?: RelationshipThroughInput | null;
}
