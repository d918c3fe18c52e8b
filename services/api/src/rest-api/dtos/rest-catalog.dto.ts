/**
 * Sources, models, destinations and syncs in the shape of Hightouch's public API. Connector configs are
 * never returned (they hold credentials): `configuration` is empty for sources and destinations.
 */
import { ApiProperty } from '@nestjs/swagger';

class RestRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Derived from the name (lowercase, dashes).' }) slug!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class RestSourceDto extends RestRecordDto {
  @ApiProperty({ description: 'postgres, snowflake, …' }) type!: string;
  @ApiProperty({ type: Object, description: 'Always empty: credentials are never returned.' })
  configuration!: Record<string, never>;
}

export class RestDestinationDto extends RestSourceDto {
  @ApiProperty({ type: [String], description: 'Ids of the syncs writing to this destination.' })
  syncs!: string[];
}

export class RestModelDto extends RestRecordDto {
  @ApiProperty() sourceId!: string;
  @ApiProperty() primaryKey!: string;
  @ApiProperty({ example: 'raw_sql', description: 'raw_sql, or visual for audiences.' }) queryType!: string;
  @ApiProperty({ type: Object, example: { sql: 'SELECT id, email FROM users' } }) raw!: { sql: string };
  @ApiProperty({ type: Object }) tags!: Record<string, string>;
  @ApiProperty() isSchema!: boolean;
  @ApiProperty({ type: [String] }) syncs!: string[];
}

export class RestSyncDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() destinationId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty({ type: Object, description: 'mode, object and field mappings.' })
  configuration!: Record<string, unknown>;
  @ApiProperty({ type: Object, nullable: true, description: '{ type, schedule } or null when manual.' })
  schedule!: { type: string; schedule: Record<string, unknown> } | null;
  @ApiProperty({
    description: 'Status of the latest run; pending before the first one, disabled when paused.',
  })
  status!: string;
  @ApiProperty({ description: 'Whether the schedule is paused.' }) disabled!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lastRunAt!: Date | null;
  @ApiProperty({ type: [String] }) referencedColumns!: string[];
  @ApiProperty() primaryKey!: string;
}

export class RestSourceListDto {
  @ApiProperty({ type: [RestSourceDto] }) data!: RestSourceDto[];
  @ApiProperty() hasMore!: boolean;
}
export class RestDestinationListDto {
  @ApiProperty({ type: [RestDestinationDto] }) data!: RestDestinationDto[];
  @ApiProperty() hasMore!: boolean;
}
export class RestModelListDto {
  @ApiProperty({ type: [RestModelDto] }) data!: RestModelDto[];
  @ApiProperty() hasMore!: boolean;
}
export class RestSyncListDto {
  @ApiProperty({ type: [RestSyncDto] }) data!: RestSyncDto[];
  @ApiProperty() hasMore!: boolean;
}
