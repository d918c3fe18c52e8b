/**
 * One Bulk API 2.0 ingest job per write: create the job, upload the CSV, mark it UploadComplete, poll until
 * it ends, then read successfulResults and failedResults and give each record its outcome, matched by the
 * key column (the external id, or Id for update and delete: result order is not guaranteed).
 *
 * A retried write creates a new job: Salesforce cannot name or look up a job by our run id, and upsert and
 * delete are idempotent, so a job left behind by a crashed attempt does no harm beyond its API calls.
 */
import type { RecordOutcome } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { sleep } from '@syncline/rate-limit';
import type { SalesforceClient } from './salesforce-client';
import { parseCsv, toCsv } from './salesforce-bulk-csv';
import { assertOk, failedBulkRowOutcome } from './salesforce-errors';

export type BulkOperation = 'insert' | 'update' | 'upsert' | 'delete';

export interface BulkJobInput {
  object: string;
  operation: BulkOperation;
  externalIdFieldName?: string;
  /** Each row's CSV fields; `matchColumn` must be among them and unique per row. */
  rows: readonly { key: string; fields: Record<string, unknown> }[];
  matchColumn: string;
}

export interface BulkJobOptions {
  pollIntervalMs: number;
  signal?: AbortSignal;
  /** A client without the run's signal, so a cancelled run can still abort its job. */
  abortClient: SalesforceClient;
}

interface JobInfo {
  id?: string;
  state?: string;
  errorMessage?: string;
}

const DONE = new Set(['JobComplete', 'Failed', 'Aborted']);

export async function runBulkJob(
  client: SalesforceClient,
  input: BulkJobInput,
  options: BulkJobOptions,
): Promise<RecordOutcome[]> {
  const created = await client.api({
    method: 'POST',
    path: '/jobs/ingest',
    json: {
      object: input.object,
      operation: input.operation,
      contentType: 'CSV',
      lineEnding: 'LF',
      ...(input.externalIdFieldName ? { externalIdFieldName: input.externalIdFieldName } : {}),
    },
  });
  assertOk(created, `create a Bulk API ${input.operation} job for ${input.object}`);
  const jobId = (created.json as JobInfo | undefined)?.id;
  if (!jobId)
    throw new SynclineError(ErrorCode.DestinationRejected, 'Salesforce created a Bulk API job without an id');
  const jobPath = `/jobs/ingest/${jobId}`;
  try {
    const upload = await client.api({
      method: 'PUT',
      path: `${jobPath}/batches`,
      body: toCsv(input.rows.map((r) => r.fields)),
      headers: { 'Content-Type': 'text/csv' },
    });
    assertOk(upload, `upload ${input.object} records to a Bulk API job`);
    const closed = await client.api({ method: 'PATCH', path: jobPath, json: { state: 'UploadComplete' } });
    assertOk(closed, 'close a Bulk API job');
    const job = await waitForJob(client, jobPath, options);
    if (job.state === 'Aborted')
      throw new SynclineError(
        ErrorCode.DestinationUnavailable,
        `Salesforce Bulk API job ${jobId} was aborted in Salesforce before it finished; the run retries it`,
      );
    return await jobOutcomes(client, jobPath, input, job);
  } catch (err) {
    if (options.signal?.aborted) await abortJob(options.abortClient, jobPath);
    throw err;
  }
}

async function waitForJob(
  client: SalesforceClient,
  jobPath: string,
  options: BulkJobOptions,
): Promise<JobInfo> {
  for (;;) {
    const answer = await client.api({ method: 'GET', path: jobPath });
    assertOk(answer, 'read a Bulk API job');
    const job = (answer.json ?? {}) as JobInfo;
    if (job.state && DONE.has(job.state)) return job;
    // A cancelled run stops waiting at once and aborts the job below.
    await sleep(options.pollIntervalMs, options.signal).catch(() => undefined);
    if (options.signal?.aborted)
      throw new SynclineError(
        ErrorCode.DestinationUnavailable,
        'The sync run was cancelled while a Bulk API job ran',
      );
  }
}

async function jobOutcomes(
  client: SalesforceClient,
  jobPath: string,
  input: BulkJobInput,
  job: JobInfo,
): Promise<RecordOutcome[]> {
  const byMatch = new Map<string, string>(
    input.rows.map((r) => [String(r.fields[input.matchColumn]), r.key]),
  );
  const outcome = new Map<string, RecordOutcome>();
  const succeeded = await client.api({ method: 'GET', path: `${jobPath}/successfulResults/` });
  assertOk(succeeded, 'read a Bulk API job’s successful results');
  for (const row of parseCsv(succeeded.text)) {
    const key = byMatch.get(row[input.matchColumn] ?? '');
    if (key !== undefined) outcome.set(key, { key, status: 'accepted' });
  }
  const failed = await client.api({ method: 'GET', path: `${jobPath}/failedResults/` });
  assertOk(failed, 'read a Bulk API job’s failed results');
  for (const row of parseCsv(failed.text)) {
    const key = byMatch.get(row[input.matchColumn] ?? '');
    if (key !== undefined) outcome.set(key, failedBulkRowOutcome(key, row.sf__Error || 'failed'));
  }
  // Rows in neither list were not processed: the whole job failed (its errorMessage says why).
  const notProcessed = `Salesforce did not process the record: Bulk API job ${job.state}${job.errorMessage ? `: ${job.errorMessage}` : ''}`;
  return input.rows.map(
    (r) => outcome.get(r.key) ?? { key: r.key, status: 'rejected', reason: notProcessed },
  );
}

async function abortJob(client: SalesforceClient, jobPath: string): Promise<void> {
  // Best effort: the run is being cancelled either way, and the job would otherwise keep loading records.
  await client.api({ method: 'PATCH', path: jobPath, json: { state: 'Aborted' } }).catch(() => undefined);
}
