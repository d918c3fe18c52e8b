/** A table or view of a source with its typed columns: what the table-model picker shows. */
import { Field, ObjectType } from '@nestjs/graphql';
import { PreviewColumnDto } from '../../model/dtos/model-preview.dto';

@ObjectType('SourceTable')
export class SourceTableDto {
  @Field(() => String) schema!: string;
  @Field(() => String) name!: string;
  @Field(() => [PreviewColumnDto]) columns!: PreviewColumnDto[];
}
