/**
 * What the webhook emulator checks in a request body, as a real receiver of Syncline's wire format would:
 * `{ batch: [{ op, key, fields, idempotencyKey }], test?: boolean }` and nothing looser.
 */
export interface WebhookRecord {
  op: 'added' | 'changed' | 'removed';
  key: string;
  fields: Record<string, unknown>;
  idempotencyKey: string;
}

export type BodyCheck = { ok: true; batch: WebhookRecord[] } | { ok: false; problem: string };

const OPS: ReadonlySet<string> = new Set(['added', 'changed', 'removed']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkBody(raw: string): BodyCheck {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'body is not valid JSON' };
  }
  if (!isObject(body) || !Array.isArray(body.batch))
    return { ok: false, problem: 'body must be an object with a "batch" array' };
  if (body.test !== undefined && typeof body.test !== 'boolean')
    return { ok: false, problem: '"test" must be a boolean' };
  const batch: WebhookRecord[] = [];
  for (const [i, record] of (body.batch as unknown[]).entries()) {
    const problem = recordProblem(record);
    if (problem) return { ok: false, problem: `batch[${i}]: ${problem}` };
    batch.push(record as WebhookRecord);
  }
  return { ok: true, batch };
}

function recordProblem(record: unknown): string | undefined {
  if (!isObject(record)) return 'must be an object';
  if (typeof record.op !== 'string' || !OPS.has(record.op))
    return '"op" must be one of added, changed, removed';
  if (typeof record.key !== 'string' || record.key === '') return '"key" must be a non-empty string';
  if (!isObject(record.fields)) return '"fields" must be an object';
  if (typeof record.idempotencyKey !== 'string' || record.idempotencyKey === '') {
    return '"idempotencyKey" must be a non-empty string';
  }
  return undefined;
}
