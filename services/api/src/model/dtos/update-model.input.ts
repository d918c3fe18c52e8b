/** Input of updateModel: only the fields given change. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class UpdateModelInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() sourceId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() sql?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() primaryKey?: string;
}
