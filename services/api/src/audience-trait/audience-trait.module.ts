/** Traits: values per parent row over related or event models, columns of every audience of the parent. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AudienceTraitEntity } from '@syncline/db';
import { AudienceSchemaModule } from '../audience-schema/audience-schema.module';
import { TraitResolver } from './trait.resolver';
import { TraitService } from './trait.service';

@Module({
  imports: [TypeOrmModule.forFeature([AudienceTraitEntity]), AudienceSchemaModule],
  providers: [TraitService, TraitResolver],
})
export class AudienceTraitModule {}
