/** GraphQL surface of audience insights; thin: logic lives in the service. */
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { AudienceInsightsService } from './audience-insights.service';
import {
  AudienceBreakdownRowDto,
  AudienceOverlapDto,
  AudiencePreviewDto,
  AudiencePreviewInput,
} from './dtos/audience-insights.dto';

@Resolver()
export class AudienceInsightsResolver {
  constructor(private readonly service: AudienceInsightsService) {}

  @Query(() => AudiencePreviewDto, {
    description: 'Size, funnel of sizes after each top-level condition, and a sample.',
  })
  audiencePreview(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('input') input: AudiencePreviewInput,
  ): Promise<AudiencePreviewDto> {
    return this.service.preview(ws.id, input);
  }

  @Query(() => AudienceOverlapDto, {
    description: 'Members of a only, b only and both (audiences of one parent).',
  })
  audienceOverlap(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('a', { type: () => ID }) a: string,
    @Args('b', { type: () => ID }) b: string,
  ): Promise<AudienceOverlapDto> {
    return this.service.overlap(ws.id, a, b);
  }

  @Query(() => [AudienceBreakdownRowDto], {
    description: 'Members by value of a column, trait or split_group (top 20).',
  })
  audienceBreakdown(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('audienceId', { type: () => ID }) audienceId: string,
    @Args('column') column: string,
  ): Promise<AudienceBreakdownRowDto[]> {
    return this.service.breakdown(ws.id, audienceId, column);
  }
}
