/** Input of dbtModels: a manifest.json by path (on the API host) or uploaded as text. */
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

@InputType()
export class DbtManifestInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() manifestPath?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() manifestJson?: string;
}
