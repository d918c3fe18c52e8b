/**
 * Audience syncs into a HubSpot list: added/changed rows become members, removed rows (mirror mode) stop
 * being members. Lists hold record ids, so the rows' unique values (e.g. email) are first resolved with
 * `batch/read`, then one `PUT /crm/v3/lists/{listId}/memberships/add-and-remove` applies both.
 * A row whose record is not in HubSpot is rejected: the list does not create contacts.
 */
import type { DestinationRecord, RecordOutcome, WriteContext } from '@syncline/domain';
import { BatchRejectedError, ErrorCode, SynclineError } from '@syncline/errors';
import type { DestinationHttp } from '../../kit/http/destination-http';
import type { HubSpotDestinationConfig } from './hubspot-destination.config';
import { hubspotMessage, throwIfAuthFailure } from './hubspot-http';
import { writableList } from './hubspot-lists';
import { objectProperties } from './hubspot-object-properties';
import { readRecordIds } from './hubspot-object-write';
import { keyValue, toPropertyValue } from './hubspot-payload';
import { assertUniqueKeyField } from './hubspot-properties';

export async function writeListMembers(
  http: DestinationHttp,
  config: HubSpotDestinationConfig,
  listId: string,
  records: DestinationRecord[],
  context: WriteContext,
): Promise<RecordOutcome[]> {
  const list = await writableList(http, config, listId);
  const keyField = assertUniqueKeyField(
    await objectProperties(http, config, list.objectTypeId),
    context.keyField,
  );
  const outcomes: RecordOutcome[] = records.map((r) => ({ key: r.key, status: 'accepted' }));
  const wanted = records
    .map((record, index) => ({
      index,
      record,
      value: keyValue(record, record.op === 'removed' ? undefined : mappedKey(record, keyField)),
    }))
    .filter(({ record }) => record.op !== 'removed' || context.mode === 'mirror');
  if (wanted.length === 0) return outcomes;

  const scopes = 'crm.lists.write';
  const ids = await readRecordIds(
    http,
    list.objectTypeId,
    keyField,
    wanted.map((w) => w.value),
    `read access to the list's records, e.g. crm.objects.contacts.read`,
  );
  const toAdd = new Map<string, number[]>();
  const toRemove = new Set<string>();
  for (const { index, record, value } of wanted) {
    const recordId = ids.get(value.toLowerCase());
    if (record.op === 'removed') {
      if (recordId) toRemove.add(recordId);
    } else if (!recordId) {
      outcomes[index] = {
        key: record.key,
        status: 'rejected',
        reason: `HubSpot has no record with ${keyField}=${value} to add to list ${listId}: sync the records first`,
      };
    } else toAdd.set(recordId, [...(toAdd.get(recordId) ?? []), index]);
  }
  if (toAdd.size === 0 && toRemove.size === 0) return outcomes;

  const answer = await http.send({
    method: 'PUT',
    path: `/crm/v3/lists/${listId}/memberships/add-and-remove`,
    json: { recordIdsToAdd: [...toAdd.keys()], recordIdsToRemove: [...toRemove] },
  });
  throwIfAuthFailure(answer, scopes);
  if (answer.status === 404 || answer.status === 400)
    throw new SynclineError(
      ErrorCode.InvalidConfig,
      `HubSpot refused memberships of list ${listId} (HTTP ${answer.status}): ${hubspotMessage(answer)}`,
      { details: { status: answer.status, listId } },
    );
  if (answer.status !== 200)
    throw new BatchRejectedError(
      `HubSpot refused the list update (HTTP ${answer.status}): ${hubspotMessage(answer)}`,
    );
  // Records deleted between the look-up and the update come back as missing.
  const missing = (answer.json as { recordIdsMissing?: unknown } | undefined)?.recordIdsMissing;
  for (const id of Array.isArray(missing) ? missing.map(String) : [])
    for (const index of toAdd.get(id) ?? [])
      outcomes[index] = {
        key: records[index]!.key,
        status: 'rejected',
        reason: `HubSpot record ${id} no longer exists`,
      };
  return outcomes;
}

function mappedKey(record: DestinationRecord, keyField: string): string | undefined {
  const value = record.fields[keyField];
  return value === undefined || value === null ? undefined : toPropertyValue(value);
}
