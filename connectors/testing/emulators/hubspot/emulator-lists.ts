/**
 * The emulator's lists (v3 Lists API): search, fetch, and membership changes by record id, which HubSpot
 * accepts only for MANUAL and SNAPSHOT lists; ids of records that do not exist come back as missing.
 */
import { badRequest, isObject, notFound } from './emulator-answers';
import type { EmulatorAnswer } from '../kit/faults';
import type { ObjectStore } from './emulator-objects';

export interface EmulatorList {
  listId: string;
  name: string;
  processingType: 'MANUAL' | 'SNAPSHOT' | 'DYNAMIC';
  objectTypeId: string;
  members: Set<string>;
}

export class ListStore {
  readonly lists = new Map<string, EmulatorList>();
  private nextId = 1;

  constructor(private readonly objects: ObjectStore) {}

  create(list: Omit<EmulatorList, 'listId' | 'members'>): string {
    const listId = String(this.nextId++);
    this.lists.set(listId, { ...list, listId, members: new Set() });
    return listId;
  }

  search(body: unknown): EmulatorAnswer {
    if (!isObject(body)) return badRequest('Invalid input: body must be an object');
    const types = Array.isArray(body.processingTypes) ? (body.processingTypes as unknown[]) : undefined;
    const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
    const count = typeof body.count === 'number' ? Math.min(body.count, 500) : 20;
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    const matching = [...this.lists.values()].filter(
      (l) => (!types || types.includes(l.processingType)) && l.name.toLowerCase().includes(query),
    );
    const page = matching.slice(offset, offset + count);
    return {
      status: 200,
      body: {
        lists: page.map(listJson),
        hasMore: offset + count < matching.length,
        offset: offset + page.length,
        total: matching.length,
      },
    };
  }

  get(listId: string): EmulatorAnswer {
    const list = this.lists.get(listId);
    return list ? { status: 200, body: { list: listJson(list) } } : notFound(`List ${listId} does not exist`);
  }

  /** `add-and-remove` takes {recordIdsToAdd, recordIdsToRemove}; `add` / `remove` take an array of ids. */
  change(listId: string, action: string, body: unknown): EmulatorAnswer {
    const list = this.lists.get(listId);
    if (!list) return notFound(`List ${listId} does not exist`);
    const toAdd =
      action === 'add'
        ? body
        : action === 'add-and-remove' && isObject(body)
          ? (body.recordIdsToAdd ?? [])
          : [];
    const toRemove =
      action === 'remove'
        ? body
        : action === 'add-and-remove' && isObject(body)
          ? (body.recordIdsToRemove ?? [])
          : [];
    if (!isIdArray(toAdd) || !isIdArray(toRemove))
      return badRequest('record ids must be an array of strings');
    if (list.processingType === 'DYNAMIC')
      return badRequest(
        `List ${listId} has processingType DYNAMIC: memberships can only change for MANUAL or SNAPSHOT lists`,
      );
    const type = this.objects.resolve(list.objectTypeId);
    const exists = (id: string) =>
      type !== undefined && this.objects.findBy(type, 'hs_object_id', id) !== undefined;
    const added: string[] = [];
    const removed: string[] = [];
    const missing: string[] = [];
    for (const id of toAdd.map(String)) {
      if (!exists(id)) missing.push(id);
      else if (!list.members.has(id)) {
        added.push(id);
        list.members.add(id);
      }
    }
    for (const id of toRemove.map(String)) if (list.members.delete(id)) removed.push(id);
    return {
      status: 200,
      body: { recordIdsAdded: added, recordIdsRemoved: removed, recordIdsMissing: missing },
    };
  }
}

function isIdArray(value: unknown): value is (string | number)[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number');
}

function listJson(list: EmulatorList): Record<string, unknown> {
  return {
    listId: list.listId,
    name: list.name,
    processingType: list.processingType,
    objectTypeId: list.objectTypeId,
    processingStatus: 'COMPLETE',
    listVersion: 1,
    size: list.members.size,
  };
}
