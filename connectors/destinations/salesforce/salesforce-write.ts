/**
 * One write of records of one kind (all removals, or all additions/changes) to one sObject, through sObject
 * Collections (≤ 200 records) or one Bulk API 2.0 job. What each sync mode sends:
 * insert → create (added rows only); update → find Ids by external id, then update (a record not in
 * Salesforce is rejected); upsert and mirror → upsert by external id; mirror removals → find Ids, delete.
 */
import type { DestinationRecord, RecordOutcome, SyncMode } from '@syncline/domain';
import type { SalesforceClient } from './salesforce-client';
import { runBulkJob, type BulkJobOptions, type BulkOperation } from './salesforce-bulk';
import {
  deleteCollection,
  insertCollection,
  updateCollection,
  upsertCollection,
} from './salesforce-collections';
import { keyFieldOf, type SObjectDescribe } from './salesforce-describe';
import { resolveIds } from './salesforce-ids';
import { prepareRecords, type PreparedRecord } from './salesforce-records';

export interface WritePlan {
  client: SalesforceClient;
  describe: SObjectDescribe;
  mode: SyncMode;
  keyField?: string;
  /** Present: one Bulk API job; absent: one sObject Collections request. */
  bulk?: BulkJobOptions;
}

const notFound = (object: string, field: string, key: string): RecordOutcome => ({
  key,
  status: 'rejected',
  reason: `NOT_FOUND: no ${object} with ${field} = ${key} to update (update mode changes existing records only)`,
});

/** Removed records, in mirror mode only. A key with no record in Salesforce is already where mirror wants it. */
export async function writeRemovals(
  plan: WritePlan,
  records: readonly DestinationRecord[],
): Promise<RecordOutcome[]> {
  const { client, describe } = plan;
  const field = keyFieldOf(describe, plan.keyField);
  const ids = await resolveIds(
    client,
    describe.name,
    field,
    records.map((r) => r.key),
  );
  const targets = records.flatMap((r) => (ids.get(r.key) ?? []).map((id) => ({ key: r.key, id })));
  const results =
    targets.length === 0
      ? []
      : plan.bulk
        ? await runBulkJob(
            client,
            {
              object: describe.name,
              operation: 'delete',
              rows: targets.map((t) => ({ key: t.key, fields: { Id: t.id } })),
              matchColumn: 'Id',
            },
            plan.bulk,
          )
        : await deleteCollection(client, describe.name, targets);
  // A key held by several records (non-unique external id) is accepted only when all were deleted.
  const failures = new Map(results.filter((o) => o.status !== 'accepted').map((o) => [o.key, o]));
  return records.map((r) => failures.get(r.key) ?? { key: r.key, status: 'accepted' });
}

/** Added and changed records. */
export async function writeChanges(
  plan: WritePlan,
  records: readonly DestinationRecord[],
): Promise<RecordOutcome[]> {
  const { describe, mode } = plan;
  const prepared = prepareRecords(describe, records, plan.keyField);
  const ready = prepared.flatMap((p) => (p.ok ? [p.record] : []));
  const sent = new Map<string, RecordOutcome>();
  if (ready.length > 0) {
    const results =
      mode === 'insert'
        ? await send(plan, 'insert', ready)
        : mode === 'update'
          ? await update(plan, ready)
          : await send(plan, 'upsert', ready);
    for (const o of results) sent.set(o.key, o);
  }
  return prepared.map((p) => (p.ok ? sent.get(p.record.key)! : p.outcome));
}

async function update(plan: WritePlan, records: readonly PreparedRecord[]): Promise<RecordOutcome[]> {
  const { client, describe } = plan;
  const field = keyFieldOf(describe, plan.keyField);
  const ids = await resolveIds(
    client,
    describe.name,
    field,
    records.map((r) => r.key),
  );
  const outcomes = new Map<string, RecordOutcome>();
  const found: (PreparedRecord & { id: string })[] = [];
  for (const r of records) {
    const matches = ids.get(r.key) ?? [];
    if (matches.length === 1) found.push({ ...r, id: matches[0]! });
    else if (matches.length === 0) outcomes.set(r.key, notFound(describe.name, field.name, r.key));
    else
      outcomes.set(r.key, {
        key: r.key,
        status: 'rejected',
        reason: `DUPLICATE_EXTERNAL_ID: ${matches.length} ${describe.name} records have ${field.name} = ${r.key}`,
      });
  }
  if (found.length > 0) {
    const results = await send(plan, 'update', found);
    for (const o of results) outcomes.set(o.key, o);
  }
  return records.map((r) => outcomes.get(r.key)!);
}

async function send(
  plan: WritePlan,
  operation: Exclude<BulkOperation, 'delete'>,
  records: readonly (PreparedRecord & { id?: string })[],
): Promise<RecordOutcome[]> {
  const { client, describe } = plan;
  const object = describe.name;
  if (plan.bulk) {
    const byId = operation === 'update';
    return runBulkJob(
      client,
      {
        object,
        operation,
        externalIdFieldName: operation === 'upsert' ? keyFieldOf(describe, plan.keyField).name : undefined,
        rows: records.map((r) => ({ key: r.key, fields: byId ? { ...r.fields, Id: r.id } : r.fields })),
        matchColumn: byId ? 'Id' : plan.keyField!,
      },
      plan.bulk,
    );
  }
  if (operation === 'insert') return insertCollection(client, object, records);
  if (operation === 'update')
    return updateCollection(client, object, records as (PreparedRecord & { id: string })[]);
  return upsertCollection(client, object, keyFieldOf(describe, plan.keyField).name, records);
}
