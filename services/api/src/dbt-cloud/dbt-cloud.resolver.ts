/** GraphQL: set the workspace's dbt Cloud webhook secret and read the path to configure in dbt Cloud. */
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { type AuthenticatedWorkspace } from '../auth/graphql-context';
import { DbtCloudWebhookService } from './dbt-cloud-webhook.service';
import { DbtCloudWebhookDto } from './dtos/dbt-cloud-webhook.dto';

@Resolver(() => DbtCloudWebhookDto)
export class DbtCloudResolver {
  constructor(private readonly webhooks: DbtCloudWebhookService) {}

  @Query(() => DbtCloudWebhookDto)
  async dbtCloudWebhook(@CurrentWorkspace() ws: AuthenticatedWorkspace): Promise<DbtCloudWebhookDto> {
    return { configured: await this.webhooks.isConfigured(ws.id), path: `/webhooks/dbt-cloud/${ws.id}` };
  }

  @Mutation(() => DbtCloudWebhookDto, {
    description: 'Stores (encrypted) the secret dbt Cloud shows when you create the webhook.',
  })
  async setDbtCloudWebhookSecret(
    @CurrentWorkspace() ws: AuthenticatedWorkspace,
    @Args('secret', { type: () => String }) secret: string,
  ): Promise<DbtCloudWebhookDto> {
    await this.webhooks.setSecret(ws.id, secret);
    return { configured: true, path: `/webhooks/dbt-cloud/${ws.id}` };
  }
}
