/** A model of the Customer Studio schema: its role and the columns it was validated with. */
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AudienceSchemaModelEntity, ModelEntity } from '@syncline/db';
import { PreviewColumnDto } from '../../model/dtos/model-preview.dto';

@ObjectType('SchemaModel')
export class SchemaModelDto {
  @Field(() => ID) modelId!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => String, { description: 'parent, related or event.' }) role!: string;
  @Field(() => String) primaryKey!: string;
  @Field(() => String, { nullable: true }) labelColumn!: string | null;
  @Field(() => [String]) redactedColumns!: string[];
  @Field(() => String, { nullable: true }) timestampColumn!: string | null;
  @Field(() => String, { nullable: true }) eventTypeColumn!: string | null;
  @Field(() => [PreviewColumnDto], { description: 'Discovered from the source when last validated.' })
  columns!: PreviewColumnDto[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(entity: AudienceSchemaModelEntity, model: ModelEntity): SchemaModelDto {
    return Object.assign(new SchemaModelDto(), {
      modelId: entity.modelId,
      name: model.name,
      sourceId: model.sourceId,
      role: entity.role,
      primaryKey: model.primaryKey,
      labelColumn: entity.labelColumn,
      redactedColumns: entity.redactedColumns,
      timestampColumn: entity.timestampColumn,
      eventTypeColumn: entity.eventTypeColumn,
      columns: entity.columns,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
