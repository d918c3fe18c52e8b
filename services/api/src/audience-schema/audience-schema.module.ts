/** Customer Studio's schema (models with roles, relationships) and the compiler every audience change uses. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AudienceRelationshipEntity, AudienceSchemaModelEntity } from '@syncline/db';
import { ModelModule } from '../model/model.module';
import { SourceModule } from '../source/source.module';
import { AudienceCompilerService } from './audience-compiler.service';
import { ColumnDiscoveryService } from './column-discovery.service';
import { RelationshipResolver } from './relationship.resolver';
import { RelationshipService } from './relationship.service';
import { SchemaModelResolver } from './schema-model.resolver';
import { SchemaModelService } from './schema-model.service';
import { SchemaStateService } from './schema-state.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AudienceSchemaModelEntity, AudienceRelationshipEntity]),
    ModelModule,
    SourceModule,
  ],
  providers: [
    SchemaStateService,
    AudienceCompilerService,
    ColumnDiscoveryService,
    SchemaModelService,
    RelationshipService,
    SchemaModelResolver,
    RelationshipResolver,
  ],
  exports: [SchemaStateService, AudienceCompilerService, ColumnDiscoveryService],
})
export class AudienceSchemaModule {}
