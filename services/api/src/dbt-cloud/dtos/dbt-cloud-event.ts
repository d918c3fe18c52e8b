/** The parts of a dbt Cloud webhook payload Syncline reads (docs.getdbt.com/docs/deploy/webhooks). */
export interface DbtCloudEvent {
  eventId: string;
  eventType: string;
  accountId: string;
  jobId: string;
  runStatus: string | null;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

/** null when the payload lacks what every delivery has (event id, type, account, job). */
export function parseDbtCloudEvent(body: unknown): DbtCloudEvent | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const data = (b.data && typeof b.data === 'object' ? b.data : {}) as Record<string, unknown>;
  const eventId = str(b.eventId);
  const eventType = str(b.eventType);
  const accountId = str(b.accountId);
  const jobId = str(data.jobId);
  if (!eventId || !eventType || !accountId || !jobId) return null;
  return { eventId, eventType, accountId, jobId, runStatus: str(data.runStatus) };
}

/** Only a completed run that succeeded starts syncs (runStatus "Success", code 10). */
export function isSuccessfulRun(event: DbtCloudEvent): boolean {
  return event.eventType === 'job.run.completed' && event.runStatus === 'Success';
}
