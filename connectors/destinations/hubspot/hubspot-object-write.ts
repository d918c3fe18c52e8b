/**
 * Writes records to a CRM object (contacts, companies, deals, custom objects): one batch request for the
 * added/changed rows (`batch/upsert`, `batch/create` or `batch/update` by mode), and in mirror mode the
 * removed rows are archived — HubSpot archives by record id only, so their ids are read by the unique
 * property first (`batch/read` with `idProperty`), then archived (`batch/archive`).
 */
import type { DestinationRecord, RecordOutcome, SyncMode, WriteContext } from '@syncline/domain';
import { BatchRejectedError } from '@syncline/errors';
import type { DestinationHttp } from '../../kit/http/destination-http';
import { batchOutcomes, type SentInput } from './hubspot-batch-answer';
import { objectProperties } from './hubspot-object-properties';
import { hubspotMessage, throwIfAuthFailure } from './hubspot-http';
import { keyValue, prepareRecord } from './hubspot-payload';
import { assertUniqueKeyField } from './hubspot-properties';
import type { HubSpotDestinationConfig } from './hubspot-destination.config';

const ENDPOINT: Record<SyncMode, 'upsert' | 'create' | 'update'> = {
  upsert: 'upsert',
  mirror: 'upsert',
  insert: 'create',
  update: 'update',
};

export async function writeObjects(
  http: DestinationHttp,
  config: HubSpotDestinationConfig,
  objectType: string,
  records: DestinationRecord[],
  context: WriteContext,
): Promise<RecordOutcome[]> {
  const properties = await objectProperties(http, config, objectType);
  // Creating needs no match; every other mode finds records by the sync's unique key property.
  const keyField = context.mode === 'insert' ? undefined : assertUniqueKeyField(properties, context.keyField);
  const outcomes: RecordOutcome[] = records.map((r) => ({ key: r.key, status: 'accepted' }));
  const inputs: Record<string, unknown>[] = [];
  const sent: (SentInput & { index: number })[] = [];
  const removals: { index: number; id: string }[] = [];

  records.forEach((record, index) => {
    if (record.op === 'removed') {
      if (context.mode === 'mirror' && keyField) removals.push({ index, id: keyValue(record, undefined) });
      return;
    }
    const prepared = prepareRecord(record, properties, keyField);
    if (!prepared.ok) {
      outcomes[index] = { key: record.key, status: 'rejected', reason: prepared.reason };
      return;
    }
    // A trace id per input is what turns per-input failures into a 207 instead of a 400 for the batch.
    const traceId = String(index);
    sent.push({ index, key: record.key, traceId, id: prepared.id });
    inputs.push(
      keyField
        ? {
            id: prepared.id,
            idProperty: keyField,
            properties: prepared.properties,
            objectWriteTraceId: traceId,
          }
        : { properties: prepared.properties, associations: [], objectWriteTraceId: traceId },
    );
  });

  const scopes = `crm.objects.${objectType}.write`;
  if (inputs.length > 0) {
    const answer = await http.send({
      method: 'POST',
      path: `/crm/v3/objects/${encodeURIComponent(objectType)}/batch/${ENDPOINT[context.mode]}`,
      json: { inputs },
    });
    batchOutcomes(answer, sent, scopes).forEach((o, i) => (outcomes[sent[i]!.index] = o));
  }
  if (removals.length > 0 && keyField) await archive(http, objectType, keyField, removals, scopes);
  return outcomes;
}

/** Archives the records holding these unique values; values HubSpot does not hold are already gone. */
async function archive(
  http: DestinationHttp,
  objectType: string,
  idProperty: string,
  removals: { id: string }[],
  scopes: string,
): Promise<void> {
  const recordIds = await readRecordIds(
    http,
    objectType,
    idProperty,
    removals.map((r) => r.id),
    `crm.objects.${objectType}.read`,
  );
  if (recordIds.size === 0) return;
  const ids = [...new Set(recordIds.values())];
  const answer = await http.send({
    method: 'POST',
    path: `/crm/v3/objects/${encodeURIComponent(objectType)}/batch/archive`,
    json: { inputs: ids.map((id) => ({ id })) },
  });
  batchOutcomes(
    answer,
    ids.map((id) => ({ key: id, traceId: id })),
    scopes,
  );
}

/**
 * HubSpot record ids by unique value (lower-cased: HubSpot stores emails lower-cased). Values it does not
 * hold come back as 207 NOT_FOUND errors and are simply absent from the map.
 */
export async function readRecordIds(
  http: DestinationHttp,
  objectType: string,
  idProperty: string,
  values: string[],
  scopesHint: string,
): Promise<Map<string, string>> {
  const answer = await http.send({
    method: 'POST',
    path: `/crm/v3/objects/${encodeURIComponent(objectType)}/batch/read`,
    json: { idProperty, inputs: values.map((id) => ({ id })), properties: [idProperty] },
  });
  throwIfAuthFailure(answer, scopesHint);
  if (answer.status !== 200 && answer.status !== 207)
    throw new BatchRejectedError(
      `HubSpot refused to look records up (HTTP ${answer.status}): ${hubspotMessage(answer)}`,
      {
        details: { status: answer.status },
      },
    );
  const results = (
    answer.json as { results?: { id?: unknown; properties?: Record<string, unknown> }[] } | undefined
  )?.results;
  const ids = new Map<string, string>();
  for (const r of results ?? []) {
    const value = r.properties?.[idProperty];
    if (typeof r.id === 'string' && typeof value === 'string') ids.set(value.toLowerCase(), r.id);
  }
  return ids;
}
