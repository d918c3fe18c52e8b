/**
 * sObject Collections requests (≤ 200 records each) and their answers: an array of
 * `{id, success, errors:[{statusCode, message, fields}]}` in request order, one per record.
 */
import type { RecordOutcome } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { SalesforceClient } from './salesforce-client';
import { assertOk, failedRecordOutcome, type RecordError } from './salesforce-errors';
import type { PreparedRecord } from './salesforce-records';

/** Salesforce's documented limit for one sObject Collections request. */
export const COLLECTION_LIMIT = 200;

interface SaveResult {
  id?: string | null;
  success?: boolean;
  errors?: RecordError[];
}

const body = (object: string, records: readonly { fields: Record<string, unknown> }[], extra = {}) => ({
  // Each record stands alone: one refused record must not roll back the others.
  allOrNone: false,
  records: records.map((r) => ({ attributes: { type: object }, ...r.fields, ...extra })),
});

export async function upsertCollection(
  client: SalesforceClient,
  object: string,
  externalIdField: string,
  records: readonly PreparedRecord[],
): Promise<RecordOutcome[]> {
  const answer = await client.api({
    method: 'PATCH',
    path: `/composite/sobjects/${object}/${externalIdField}`,
    json: body(object, records),
  });
  assertOk(answer, `upsert ${object} records by ${externalIdField}`);
  return outcomes(
    answer.json,
    records.map((r) => r.key),
  );
}

export async function insertCollection(
  client: SalesforceClient,
  object: string,
  records: readonly PreparedRecord[],
): Promise<RecordOutcome[]> {
  const answer = await client.api({
    method: 'POST',
    path: '/composite/sobjects',
    json: body(object, records),
  });
  assertOk(answer, `create ${object} records`);
  return outcomes(
    answer.json,
    records.map((r) => r.key),
  );
}

export async function updateCollection(
  client: SalesforceClient,
  object: string,
  records: readonly (PreparedRecord & { id: string })[],
): Promise<RecordOutcome[]> {
  const answer = await client.api({
    method: 'PATCH',
    path: '/composite/sobjects',
    json: {
      allOrNone: false,
      records: records.map((r) => ({ attributes: { type: object }, ...r.fields, Id: r.id })),
    },
  });
  assertOk(answer, `update ${object} records`);
  return outcomes(
    answer.json,
    records.map((r) => r.key),
  );
}

/** One outcome per id; a record whose ids all deleted (or were already gone) is accepted. */
export async function deleteCollection(
  client: SalesforceClient,
  object: string,
  ids: readonly { key: string; id: string }[],
): Promise<RecordOutcome[]> {
  const answer = await client.api({
    method: 'DELETE',
    path: '/composite/sobjects',
    query: { ids: ids.map((i) => i.id).join(','), allOrNone: false },
  });
  assertOk(answer, `delete ${object} records`);
  return outcomes(
    answer.json,
    ids.map((i) => i.key),
  ).map((o) =>
    // Deleted since we looked it up: what mirror mode wanted.
    o.status === 'rejected' && o.reason.startsWith('ENTITY_IS_DELETED')
      ? { key: o.key, status: 'accepted' }
      : o,
  );
}

function outcomes(json: unknown, keys: readonly string[]): RecordOutcome[] {
  if (!Array.isArray(json) || json.length !== keys.length)
    throw new SynclineError(
      ErrorCode.DestinationRejected,
      `Salesforce answered ${keys.length} records with ${Array.isArray(json) ? json.length : 'no'} results`,
    );
  return (json as SaveResult[]).map((result, i) => {
    const key = keys[i]!;
    return result.success === true
      ? { key, status: 'accepted' as const }
      : failedRecordOutcome(key, result.errors ?? []);
  });
}
