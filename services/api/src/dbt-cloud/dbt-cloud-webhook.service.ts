/**
 * Handles dbt Cloud "job run" deliveries for a workspace: verify the signature, record the event id (a
 * retried delivery is then ignored), and — for a run that succeeded — hand the linked syncs to a
 * `triggerSyncs` workflow. Starting that workflow is one quick Temporal call that does not wait for a
 * worker, so dbt Cloud gets its answer well within its 10 s timeout, and the runs start durably (retried
 * by Temporal) even if a worker is restarting.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TRIGGER_SYNCS_WORKFLOW, type TriggerSyncsInput } from '@syncline/contracts';
import { SecretBox } from '@syncline/crypto';
import { DbtCloudEventEntity, DbtCloudWebhookEntity } from '@syncline/db';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Repository } from 'typeorm';
import { isUuid } from '../common/utils/find-in-workspace.util';
import { InjectConfig, type SynclineConfig } from '../config/config.token';
import { SyncService } from '../sync/sync.service';
import { callTemporal } from '../temporal/call-temporal.util';
import { type DbtCloudEvent, isSuccessfulRun, parseDbtCloudEvent } from './dtos/dbt-cloud-event';
import { verifyDbtCloudSignature } from './utils/verify-dbt-cloud-signature.util';

export interface DbtCloudDeliveryResult {
  status: 'started' | 'ignored' | 'duplicate';
  message: string;
  syncIds: string[];
}

function refused(): SynclineError {
  // One answer for unknown workspace, no secret and bad signature: the caller learns nothing.
  return new SynclineError(ErrorCode.Unauthenticated, 'Invalid dbt Cloud webhook signature');
}

@Injectable()
export class DbtCloudWebhookService {
  private readonly logger = new Logger('DbtCloudWebhook');

  constructor(
    @InjectRepository(DbtCloudWebhookEntity) private readonly webhooks: Repository<DbtCloudWebhookEntity>,
    @InjectRepository(DbtCloudEventEntity) private readonly events: Repository<DbtCloudEventEntity>,
    @Inject(Client) private readonly temporal: Client,
    @InjectConfig() private readonly config: SynclineConfig,
    private readonly box: SecretBox,
    private readonly syncs: SyncService,
  ) {}

  /** Stores (replaces) the workspace's webhook secret, encrypted. */
  async setSecret(workspaceId: string, secret: string): Promise<void> {
    if (secret.length < 16)
      throw new SynclineError(
        ErrorCode.BadUserInput,
        'The dbt Cloud webhook secret must have at least 16 characters',
      );
    await this.webhooks.save({ workspaceId, secretEncrypted: this.box.encryptJson({ secret }) });
  }

  async isConfigured(workspaceId: string): Promise<boolean> {
    return (await this.webhooks.countBy({ workspaceId })) > 0;
  }

  async handle(
    workspaceId: string,
    rawBody: Buffer,
    authorization: string | undefined,
  ): Promise<DbtCloudDeliveryResult> {
    const secret = isUuid(workspaceId) ? await this.secretOf(workspaceId) : undefined;
    if (!secret || !verifyDbtCloudSignature(secret, rawBody, authorization)) {
      // Never log the body: it is unauthenticated input.
      this.logger.warn(
        `Refused a dbt Cloud delivery for workspace ${workspaceId}: ${
          !authorization ? 'no signature' : secret ? 'signature mismatch' : 'no webhook secret configured'
        } (${rawBody.length} bytes)`,
      );
      throw refused();
    }
    const event = parseDbtCloudEvent(parseJson(rawBody));
    if (!event)
      throw new SynclineError(
        ErrorCode.BadUserInput,
        'Not a dbt Cloud job webhook payload (eventId, eventType, accountId, data.jobId)',
      );
    if (!(await this.recordOnce(workspaceId, event)))
      return { status: 'duplicate', message: `Event ${event.eventId} was already handled`, syncIds: [] };
    if (!isSuccessfulRun(event))
      return {
        status: 'ignored',
        message: `${event.eventType} (${event.runStatus ?? 'no status'}) starts no sync`,
        syncIds: [],
      };

    const syncIds = (await this.syncs.linkedToDbtCloudJob(workspaceId, event.accountId, event.jobId)).map(
      (s) => s.id,
    );
    if (syncIds.length === 0)
      return { status: 'ignored', message: `No sync is linked to dbt Cloud job ${event.jobId}`, syncIds };
    try {
      await this.startTriggers(workspaceId, event, syncIds);
    } catch (err) {
      // Forget the event so dbt Cloud's retry of this delivery can start the syncs.
      await this.events.delete({ workspaceId, eventId: event.eventId });
      throw err;
    }
    this.logger.log(`dbt Cloud job ${event.jobId} succeeded: starting ${syncIds.length} sync(s)`);
    return { status: 'started', message: `Starting ${syncIds.length} sync(s)`, syncIds };
  }

  private async secretOf(workspaceId: string): Promise<string | undefined> {
    const row = await this.webhooks.findOneBy({ workspaceId });
    return row ? this.box.decryptJson<{ secret: string }>(row.secretEncrypted).secret : undefined;
  }

  /** True for the first delivery of an event id; the unique constraint settles concurrent retries. */
  private async recordOnce(workspaceId: string, event: DbtCloudEvent): Promise<boolean> {
    const inserted = await this.events
      .createQueryBuilder()
      .insert()
      .values({
        workspaceId,
        eventId: event.eventId,
        eventType: event.eventType,
        accountId: event.accountId,
        jobId: event.jobId,
        runStatus: event.runStatus,
      })
      .orIgnore()
      .returning(['eventId'])
      .execute();
    return inserted.raw.length > 0;
  }

  private async startTriggers(workspaceId: string, event: DbtCloudEvent, syncIds: string[]): Promise<void> {
    const args: [TriggerSyncsInput] = [{ syncIds, trigger: 'dbt_cloud' }];
    try {
      await callTemporal(this.temporal, this.config, () =>
        this.temporal.workflow.start(TRIGGER_SYNCS_WORKFLOW, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          // The event id in the workflow id makes a second start of the same event a no-op as well.
          workflowId: `dbt-cloud-${workspaceId}-${event.eventId}`,
          args,
          memo: { dbtCloudAccountId: event.accountId, dbtCloudJobId: event.jobId },
        }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
