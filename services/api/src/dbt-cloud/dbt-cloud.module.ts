/** dbt Cloud: the signed "job run completed" webhook that starts the syncs linked to the job. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DbtCloudEventEntity, DbtCloudWebhookEntity } from '@syncline/db';
import { SyncModule } from '../sync/sync.module';
import { DbtCloudWebhookController } from './dbt-cloud-webhook.controller';
import { DbtCloudWebhookService } from './dbt-cloud-webhook.service';
import { DbtCloudResolver } from './dbt-cloud.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([DbtCloudWebhookEntity, DbtCloudEventEntity]), SyncModule],
  controllers: [DbtCloudWebhookController],
  providers: [DbtCloudWebhookService, DbtCloudResolver],
})
export class DbtCloudModule {}
