/** Audience insights: previews, overlaps and breakdowns, run on the audience's source. */
import { Module } from '@nestjs/common';
import { AudienceSchemaModule } from '../audience-schema/audience-schema.module';
import { AudienceModule } from '../audience/audience.module';
import { SourceModule } from '../source/source.module';
import { AudienceInsightsResolver } from './audience-insights.resolver';
import { AudienceInsightsService } from './audience-insights.service';

@Module({
  imports: [AudienceSchemaModule, AudienceModule, SourceModule],
  providers: [AudienceInsightsService, AudienceInsightsResolver],
})
export class AudienceInsightsModule {}
