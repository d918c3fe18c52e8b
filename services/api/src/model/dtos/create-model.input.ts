/** Input of createModel; a primary key is mandatory because CDC identifies rows by it. */
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType()
export class CreateModelInput {
  @Field(() => String) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => ID) @IsString() @IsNotEmpty() sourceId!: string;
  @Field(() => String) @IsString() @IsNotEmpty() sql!: string;
  @Field(() => String) @IsString() @IsNotEmpty() primaryKey!: string;
}
