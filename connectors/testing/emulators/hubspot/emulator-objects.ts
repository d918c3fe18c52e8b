/**
 * The emulator's CRM object store and its batch endpoints, enforcing what HubSpot documents: at most 100
 * inputs, `idProperty` must be a unique property, no duplicate ids in a batch, unique values stay unique,
 * unknown / read-only properties and invalid values are refused per input — as a 207 multi-status when every
 * input carries an `objectWriteTraceId`, else as a 400 for the whole batch (nothing written).
 */
import { badRequest, errorBody, isObject } from './emulator-answers';
import type { EmulatorAnswer } from '../kit/faults';
import { defaultObjectTypes, type EmulatorObjectType, type EmulatorProperty } from './emulator-schema';
import { valueProblem } from './emulator-values';

export const MAX_INPUTS = 100;

export interface StoredRecord {
  id: string;
  properties: Record<string, string>;
}

type Input = Record<string, unknown>;
type InputError = Record<string, unknown>;

export class ObjectStore {
  readonly types: EmulatorObjectType[] = defaultObjectTypes();
  private readonly records = new Map<string, Map<string, StoredRecord>>();
  /** Fault control: inputs whose unique value is listed are refused with this message. */
  readonly refused = new Map<string, string>();
  private nextId = 1001;

  resolve(objectType: string): EmulatorObjectType | undefined {
    return this.types.find(
      (t) => t.name === objectType || t.objectTypeId === objectType || t.fullyQualifiedName === objectType,
    );
  }

  all(type: EmulatorObjectType): StoredRecord[] {
    return [...this.table(type).values()];
  }

  isUnique(type: EmulatorObjectType, name: string): boolean {
    return (
      type.identityProperties.includes(name) ||
      type.properties.some((p) => p.name === name && p.hasUniqueValue)
    );
  }

  findBy(type: EmulatorObjectType, property: string, value: string): StoredRecord | undefined {
    const wanted = normalise(property, value);
    if (property === 'hs_object_id') return this.table(type).get(value);
    return this.all(type).find(
      (r) => r.properties[property] !== undefined && normalise(property, r.properties[property]) === wanted,
    );
  }

  insert(type: EmulatorObjectType, properties: Record<string, string>): StoredRecord {
    const id = String(this.nextId++);
    const now = new Date().toISOString();
    const record = {
      id,
      properties: { ...clean(properties), hs_object_id: id, createdate: now, hs_lastmodifieddate: now },
    };
    this.table(type).set(id, record);
    return record;
  }

  batch(type: EmulatorObjectType, action: string, body: unknown): EmulatorAnswer {
    if (!isObject(body) || !Array.isArray(body.inputs))
      return badRequest('Invalid input: "inputs" must be an array');
    const inputs = body.inputs as unknown[];
    if (inputs.length > MAX_INPUTS)
      return badRequest(
        `Batch input limit exceeded: ${inputs.length} inputs, at most ${MAX_INPUTS} are allowed`,
      );
    if (!inputs.every(isObject)) return badRequest('Invalid input: every input must be an object');
    switch (action) {
      case 'read':
        return this.read(type, body, inputs);
      case 'archive':
        return this.archive(type, inputs);
      default:
        return this.write(type, action as 'create' | 'update' | 'upsert', inputs);
    }
  }

  private write(
    type: EmulatorObjectType,
    action: 'create' | 'update' | 'upsert',
    inputs: Input[],
  ): EmulatorAnswer {
    const structural = this.structuralProblem(type, action, inputs);
    if (structural) return badRequest(structural);
    const traces = inputs.map((i) => i.objectWriteTraceId);
    const multiStatus =
      inputs.length > 0 &&
      traces.every((t) => typeof t === 'string' && t !== '') &&
      new Set(traces).size === traces.length;
    const errors: InputError[] = [];
    const notFound: string[] = [];
    const plans: (() => StoredRecord)[] = [];
    for (const input of inputs) {
      const trace =
        typeof input.objectWriteTraceId === 'string'
          ? { objectWriteTraceId: [input.objectWriteTraceId] }
          : {};
      const properties = input.properties as Record<string, unknown>;
      const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
      const id = typeof input.id === 'string' ? input.id : undefined;
      const existing = id === undefined ? undefined : this.findBy(type, idProperty, id);
      if (action === 'update' && !existing) {
        notFound.push(id ?? '');
        continue;
      }
      const problems = this.propertyProblems(
        type,
        properties,
        id === undefined ? undefined : [idProperty, id],
      );
      if (problems.length > 0) {
        errors.push({
          status: 'error',
          category: 'VALIDATION_ERROR',
          message: `Property values were not valid: ${JSON.stringify(problems.map((p) => ({ isValid: false, message: p.message, error: p.code, name: p.propertyName })))}`,
          context: { ...trace, ...(id === undefined ? {} : { ids: [id] }) },
          errors: problems.map((p) => ({
            message: p.message,
            code: p.code,
            context: { propertyName: [p.propertyName] },
          })),
        });
        continue;
      }
      const merged = {
        ...toStrings(properties),
        ...(id !== undefined && action === 'upsert' ? { [idProperty]: id } : {}),
      };
      const conflict = this.conflict(type, merged, existing);
      if (conflict) {
        errors.push({
          status: 'error',
          category: 'CONFLICT',
          message: `${singular(type)} already exists. Existing ID: ${conflict.id}`,
          context: { ...trace, ...(id === undefined ? {} : { ids: [id] }) },
        });
        continue;
      }
      plans.push(() => (existing ? this.update(existing, merged) : this.insert(type, merged)));
    }
    if (!multiStatus && errors.length > 0) {
      const first = errors[0]!;
      const status = first.category === 'CONFLICT' ? 409 : 400;
      return {
        status,
        body: errorBody(String(first.category), String(first.message), { errors: first.errors ?? [] }),
      };
    }
    const results = plans.map((apply) => publicRecord(apply()));
    if (notFound.length > 0)
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: `Could not get some ${singular(type).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
        context: { ids: notFound },
      });
    const body = {
      status: 'COMPLETE',
      results,
      startedAt: new Date().toISOString(),
      completedAt: new Date().toISOString(),
    };
    if (errors.length > 0) return { status: 207, body: { ...body, numErrors: errors.length, errors } };
    return { status: action === 'create' ? 201 : 200, body };
  }

  private structuralProblem(type: EmulatorObjectType, action: string, inputs: Input[]): string | undefined {
    const ids: string[] = [];
    for (const [i, input] of inputs.entries()) {
      if (!isObject(input.properties)) return `inputs[${i}].properties must be an object`;
      if (action === 'create') continue;
      if (typeof input.id !== 'string' || input.id === '') return `inputs[${i}].id is required`;
      if (action === 'upsert' && typeof input.idProperty !== 'string')
        return `inputs[${i}].idProperty is required for upsert`;
      if (typeof input.idProperty === 'string' && !this.isUnique(type, input.idProperty))
        return `${input.idProperty} is not a unique property of ${type.name}; idProperty must have unique values`;
      ids.push(input.id);
    }
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    return duplicate === undefined ? undefined : `Duplicate IDs found in batch input: [${duplicate}]`;
  }

  private propertyProblems(
    type: EmulatorObjectType,
    properties: Record<string, unknown>,
    matchedBy: [string, string] | undefined,
  ): { code: string; message: string; propertyName: string }[] {
    const problems = [];
    for (const [name, value] of Object.entries(properties)) {
      const property = type.properties.find((p) => p.name === name);
      if (!property) {
        problems.push({
          code: 'PROPERTY_DOESNT_EXIST',
          message: `Property "${name}" does not exist`,
          propertyName: name,
        });
        continue;
      }
      const problem = valueProblem(property, value, type.name);
      if (problem) problems.push(problem);
    }
    if (matchedBy) {
      const property = type.properties.find((p) => p.name === matchedBy[0]);
      const problem = property && valueProblem(property, matchedBy[1], type.name);
      if (problem) problems.push(problem);
      const refusal = this.refused.get(`${type.name}|${normalise(matchedBy[0], matchedBy[1])}`);
      if (refusal)
        problems.push({ code: 'INVALID_PROPERTY_VALUE', message: refusal, propertyName: matchedBy[0] });
    }
    return problems;
  }

  private conflict(type: EmulatorObjectType, values: Record<string, string>, self: StoredRecord | undefined) {
    for (const [name, value] of Object.entries(values)) {
      if (value === '' || !this.isUnique(type, name)) continue;
      const holder = this.findBy(type, name, value);
      if (holder && holder !== self) return holder;
    }
    return undefined;
  }

  private update(record: StoredRecord, values: Record<string, string>): StoredRecord {
    record.properties = {
      ...record.properties,
      ...clean(values),
      hs_lastmodifieddate: new Date().toISOString(),
    };
    for (const [name, value] of Object.entries(values)) if (value === '') delete record.properties[name];
    return record;
  }

  private read(type: EmulatorObjectType, body: Record<string, unknown>, inputs: Input[]): EmulatorAnswer {
    const idProperty = typeof body.idProperty === 'string' ? body.idProperty : 'hs_object_id';
    if (idProperty !== 'hs_object_id' && !this.isUnique(type, idProperty))
      return badRequest(`${idProperty} is not a unique property of ${type.name}`);
    const wanted = Array.isArray(body.properties)
      ? body.properties.filter((p): p is string => typeof p === 'string')
      : [];
    const results = [];
    const missing: string[] = [];
    for (const input of inputs) {
      if (typeof input.id !== 'string') return badRequest('every input needs a string "id"');
      const found = this.findBy(type, idProperty, input.id);
      if (!found) missing.push(input.id);
      else
        results.push(publicRecord(found, [...wanted, 'hs_object_id', 'createdate', 'hs_lastmodifieddate']));
    }
    const body200 = {
      status: 'COMPLETE',
      results,
      startedAt: new Date().toISOString(),
      completedAt: new Date().toISOString(),
    };
    if (missing.length === 0) return { status: 200, body: body200 };
    const error = {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${singular(type).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids: missing },
    };
    return { status: 207, body: { ...body200, numErrors: 1, errors: [error] } };
  }

  /** HubSpot archives by record id; unknown ids are ignored (204 either way). */
  private archive(type: EmulatorObjectType, inputs: Input[]): EmulatorAnswer {
    if (!inputs.every((i) => typeof i.id === 'string')) return badRequest('every input needs a string "id"');
    for (const input of inputs) this.table(type).delete(input.id as string);
    return { status: 204 };
  }

  private table(type: EmulatorObjectType): Map<string, StoredRecord> {
    let table = this.records.get(type.name);
    if (!table) this.records.set(type.name, (table = new Map()));
    return table;
  }
}

export function publicRecord(record: StoredRecord, only?: string[]): Record<string, unknown> {
  const properties = only
    ? Object.fromEntries(
        only.filter((n) => record.properties[n] !== undefined).map((n) => [n, record.properties[n]]),
      )
    : record.properties;
  return {
    id: record.id,
    properties,
    createdAt: record.properties.createdate,
    updatedAt: record.properties.hs_lastmodifieddate,
    archived: false,
  };
}

export function findProperty(type: EmulatorObjectType, name: string): EmulatorProperty | undefined {
  return type.properties.find((p) => p.name === name);
}

function toStrings(properties: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** HubSpot stores emails lower-cased, so matching by email ignores case. */
function normalise(property: string, value: string): string {
  return property === 'email' ? value.toLowerCase() : value;
}

function clean(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== '') out[k] = k === 'email' ? v.toLowerCase() : v;
  return out;
}

function singular(type: EmulatorObjectType): string {
  const name = type.name.replace(/ies$/, 'y').replace(/s$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}
