/**
 * dbt Cloud "job run completed" webhooks: a signed delivery of a successful run starts the linked syncs;
 * a bad signature is refused (401); a failed run starts nothing; a retried delivery starts nothing more.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTriggerTestEnv, type TriggerTestEnv } from '../../__tests__/helpers/trigger-test-env';
import { signDbtCloudPayload } from '../utils/verify-dbt-cloud-signature.util';

const SECRET = 'dbt-cloud-webhook-secret-0123456789';
const ACCOUNT_ID = 4321;
const JOB_ID = 987;

function payload(runStatus: 'Success' | 'Error', eventId = randomUUID()): string {
  return JSON.stringify({
    accountId: ACCOUNT_ID,
    webhooksID: 'wsu_test',
    eventId,
    timestamp: new Date().toISOString(),
    eventType: 'job.run.completed',
    webhookName: 'Syncline',
    data: {
      jobId: String(JOB_ID),
      jobName: 'nightly',
      runId: '123',
      environmentId: '1',
      runStatus,
      runStatusCode: runStatus === 'Success' ? 10 : 20,
      runStatusMessage: runStatus,
    },
  });
}

describe('dbt Cloud webhook', () => {
  let env: TriggerTestEnv;
  let linked: string;
  let otherJob: string;

  beforeAll(async () => {
    env = await startTriggerTestEnv('dbt');
    const set = await env.gql(
      `mutation($s: String!) { setDbtCloudWebhookSecret(secret: $s) { configured path } }`,
      {
        s: SECRET,
      },
    );
    expect(set.errors).toBeUndefined();
    const dbt = (jobId: number) => ({
      type: 'dbt_cloud',
      dbtCloudAccountId: String(ACCOUNT_ID),
      dbtCloudJobId: String(jobId),
    });
    linked = await env.createSync({ schedule: dbt(JOB_ID) });
    otherJob = await env.createSync({ schedule: dbt(JOB_ID + 1) });
  });

  afterAll(async () => {
    await env?.close();
  });

  const deliver = (body: string, signature?: string) => {
    const req = request(env.app.getHttpServer())
      .post(`/webhooks/dbt-cloud/${env.workspace.workspaceId}`)
      .set('content-type', 'application/json');
    if (signature !== undefined) req.set('authorization', signature);
    return req.send(body);
  };

  it('refuses a wrong or missing signature with 401 and starts nothing', async () => {
    const body = payload('Success');
    const wrong = await deliver(body, signDbtCloudPayload('another-secret-0123456789', Buffer.from(body)));
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/signature/i);
    expect((await deliver(body)).status).toBe(401);
    expect(await env.runsOf(linked)).toHaveLength(0);
  });

  it('starts nothing for a failed dbt run', async () => {
    const body = payload('Error');
    const res = await deliver(body, signDbtCloudPayload(SECRET, Buffer.from(body)));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ignored');
    expect(await env.runsOf(linked)).toHaveLength(0);
  });

  it('starts the syncs linked to the job for a successful run, answering fast, and ignores a duplicate delivery', async () => {
    const eventId = randomUUID();
    const body = payload('Success', eventId);
    const signature = signDbtCloudPayload(SECRET, Buffer.from(body));
    const started = Date.now();
    const res = await deliver(body, signature);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'started', syncIds: [linked] });

    await env.waitForRunsToFinish(linked, 1);
    const runs = await env.runsOf(linked);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'dbt_cloud', status: 'success' });

    const again = await deliver(body, signature);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('duplicate');
    // The duplicate returned before starting anything; the recorded event is the first delivery's only.
    const { rows } = await env.worker.pool.query(
      'SELECT count(*)::int AS n FROM dbt_cloud_event WHERE event_id = $1',
      [eventId],
    );
    expect(rows[0].n).toBe(1);
    expect(await env.runsOf(linked)).toHaveLength(1);
    expect(await env.runsOf(otherJob)).toHaveLength(0);
  });
});
