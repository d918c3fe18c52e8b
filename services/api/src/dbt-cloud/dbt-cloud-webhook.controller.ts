/**
 * POST /webhooks/dbt-cloud/{workspaceId}: the endpoint a dbt Cloud webhook ("Run completed") points at.
 * Public (dbt Cloud holds no API key): the HMAC signature over the raw body authenticates it, which is
 * why the app is created with `rawBody: true`.
 */
import {
  Controller,
  Headers,
  HttpCode,
  Param,
  Post,
  type RawBodyRequest,
  Req,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { RestExceptionFilter } from '../rest-api/rest-exception.filter';
import { type DbtCloudDeliveryResult, DbtCloudWebhookService } from './dbt-cloud-webhook.service';

@ApiExcludeController()
@Public()
@UseFilters(RestExceptionFilter)
@Controller('webhooks/dbt-cloud')
export class DbtCloudWebhookController {
  constructor(private readonly webhooks: DbtCloudWebhookService) {}

  @Post(':workspaceId')
  @HttpCode(200)
  receive(
    @Param('workspaceId') workspaceId: string,
    @Req() req: RawBodyRequest<Request>,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<DbtCloudDeliveryResult> {
    if (!req.rawBody)
      throw new SynclineError(
        ErrorCode.Internal,
        'rawBody is not enabled: create the app with { rawBody: true }',
      );
    return this.webhooks.handle(workspaceId, req.rawBody, authorization);
  }
}
