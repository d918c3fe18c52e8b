/**
 * The emulator's records and Salesforce's save rules: field existence and types (a whole-request error, as
 * Salesforce's JSON deserializer refuses them), then per-record checks in Salesforce's own codes: read-only
 * fields, string length, email format, restricted picklists, required fields, unique external ids,
 * lookups by external id, and test-made validation rules.
 */
import { EMULATED_OBJECTS, type EmulatedField, type EmulatedObject } from './emulator-schema';

export type SfRecord = Record<string, unknown> & { Id: string };

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** A problem with the request as a whole: HTTP 400 `[{errorCode, message}]`. */
export class RequestError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type SaveResult = { ok: true; id: string; created: boolean } | { ok: false; errors: RecordError[] };

interface Rule {
  object: string;
  field: string;
  values: Set<string>;
  message: string;
  /** The error Salesforce reports: a validation rule, or a record another transaction holds locked. */
  statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' | 'UNABLE_TO_LOCK_ROW';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STRING_TYPES = new Set(['string', 'email', 'phone', 'url', 'picklist', 'textarea', 'reference', 'id']);
const NUMBER_TYPES = new Set(['double', 'currency', 'percent']);

type Refused = { ok: false; errors: RecordError[] };

const err = (statusCode: string, message: string, fields: string[] = []): Refused => ({
  ok: false,
  errors: [{ statusCode, message, fields }],
});

export class EmulatorStore {
  readonly objects = new Map<string, EmulatedObject>(EMULATED_OBJECTS.map((o) => [o.name, o]));
  private readonly data = new Map<string, Map<string, SfRecord>>(
    EMULATED_OBJECTS.map((o) => [o.name, new Map()]),
  );
  private readonly deleted = new Set<string>();
  private readonly rules: Rule[] = [];
  private counter = 0;

  object(name: string): EmulatedObject | undefined {
    return this.objects.get(name);
  }

  records(object: string): SfRecord[] {
    return [...(this.data.get(object)?.values() ?? [])];
  }

  objectOfId(id: string): EmulatedObject | undefined {
    return [...this.objects.values()].find((o) => id.startsWith(o.keyPrefix));
  }

  find(object: string, field: string, value: unknown): SfRecord[] {
    // External ids compare case-insensitively unless marked case-sensitive, as in Salesforce.
    const wanted = String(value).toLowerCase();
    return this.records(object).filter(
      (r) => r[field] !== undefined && r[field] !== null && String(r[field]).toLowerCase() === wanted,
    );
  }

  addRule(
    object: string,
    field: string,
    values: string[],
    message: string,
    statusCode: Rule['statusCode'],
  ): void {
    this.rules.push({ object, field, values: new Set(values), message, statusCode });
  }

  /** Forgets the locks (validation rules stay: they are the org's configuration). */
  unlock(): void {
    for (let i = this.rules.length - 1; i >= 0; i--)
      if (this.rules[i]!.statusCode === 'UNABLE_TO_LOCK_ROW') this.rules.splice(i, 1);
  }

  /** Throws RequestError for unknown fields or JSON types the deserializer refuses. */
  checkShape(object: EmulatedObject, values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) {
      if (name === 'attributes') continue;
      const f = object.fields.find((x) => x.name === name);
      if (!f) {
        const rel = object.fields.find((x) => x.relationshipName === name);
        if (rel && typeof value === 'object' && value !== null && !Array.isArray(value)) continue;
        throw new RequestError('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);
      }
      if (value === null) continue;
      if (!typeMatches(f, value))
        throw new RequestError(
          'JSON_PARSER_ERROR',
          `Cannot deserialize instance of ${f.type} from ${JSON.stringify(value)} or request may be missing a required field`,
        );
    }
  }

  create(object: EmulatedObject, values: Record<string, unknown>): SaveResult {
    const checked = this.check(object, values, undefined);
    if (!checked.ok) return checked;
    const id = `${object.keyPrefix}${String(++this.counter).padStart(12, '0')}AAA`;
    const record: SfRecord = { ...checked.values, Id: id, CreatedDate: new Date().toISOString() };
    this.data.get(object.name)!.set(id, record);
    return { ok: true, id, created: true };
  }

  update(object: EmulatedObject, id: string, values: Record<string, unknown>): SaveResult {
    if (this.deleted.has(id)) return err('ENTITY_IS_DELETED', 'entity is deleted');
    const existing = this.data.get(object.name)!.get(id);
    if (!existing) return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    const checked = this.check(object, values, existing);
    if (!checked.ok) return checked;
    Object.assign(existing, checked.values);
    return { ok: true, id, created: false };
  }

  upsert(object: EmulatedObject, field: EmulatedField, values: Record<string, unknown>): SaveResult {
    const value = values[field.name];
    if (value === undefined || value === null || value === '')
      return err('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
    const matches = this.find(object.name, field.name, value);
    if (matches.length > 1)
      return err(
        'DUPLICATE_EXTERNAL_ID',
        `${field.label}: more than one record found for external id field: [${matches.map((m) => m.Id).join(', ')}]`,
        [field.name],
      );
    return matches.length === 1 ? this.update(object, matches[0]!.Id, values) : this.create(object, values);
  }

  delete(id: string): SaveResult {
    const object = this.objectOfId(id);
    if (this.deleted.has(id)) return err('ENTITY_IS_DELETED', 'entity is deleted');
    if (!object || !this.data.get(object.name)!.delete(id))
      return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    this.deleted.add(id);
    return { ok: true, id, created: false };
  }

  private check(
    object: EmulatedObject,
    input: Record<string, unknown>,
    existing: SfRecord | undefined,
  ): { ok: true; values: Record<string, unknown> } | Refused {
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) {
      if (name === 'attributes' || name === 'Id') continue;
      const f = object.fields.find((x) => x.name === name);
      if (!f) {
        const linked = this.link(object, name, value);
        if ('ok' in linked) return linked;
        values[linked.field] = linked.id;
        continue;
      }
      if (!(existing ? f.updateable : f.createable))
        return err(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [name],
        );
      if (typeof value === 'string' && f.length > 0 && value.length > f.length)
        return err(
          'STRING_TOO_LONG',
          `${f.label}: data value too large: ${value.slice(0, 40)} (max length=${f.length})`,
          [name],
        );
      if (f.type === 'email' && typeof value === 'string' && !EMAIL.test(value))
        return err('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`, [name]);
      if (f.restrictedPicklist && value !== null && !f.picklistValues.some((p) => p.value === value))
        return err(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${f.label}: bad value for restricted picklist field: ${String(value)}`,
          [name],
        );
      if (f.unique && value !== null) {
        const other = this.find(object.name, name, value).find((r) => r.Id !== existing?.Id);
        if (other)
          return err(
            'DUPLICATE_VALUE',
            `duplicate value found: ${name} duplicates value on record with id: ${other.Id}`,
            [],
          );
      }
      values[name] = value;
    }
    const missing = object.fields.filter(
      (f) =>
        !f.nillable &&
        f.createable &&
        !f.defaultedOnCreate &&
        (existing ? values[f.name] === null : values[f.name] == null),
    );
    if (missing.length > 0)
      return err(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`,
        missing.map((f) => f.name),
      );
    for (const f of object.fields)
      if (!f.nillable && f.defaultedOnCreate && !existing && values[f.name] == null && f.type === 'boolean')
        values[f.name] = false;
    for (const rule of this.rules) {
      const value = values[rule.field] ?? existing?.[rule.field];
      if (rule.object === object.name && value !== undefined && rule.values.has(String(value)))
        return err(rule.statusCode, rule.message, []);
    }
    return { ok: true, values };
  }

  /** `{Account: {External_Id__c: 'a1'}}` → AccountId of the Account holding that external id. */
  private link(
    object: EmulatedObject,
    name: string,
    value: unknown,
  ): { field: string; id: string } | Refused {
    const rel = object.fields.find((x) => x.relationshipName === name)!;
    const target = this.object(rel.referenceTo[0] ?? '')!;
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'attributes');
    const [extName, extValue] = entries[0] ?? [];
    const ext = target.fields.find((x) => x.name === extName && x.externalId);
    if (entries.length !== 1 || !ext)
      return err(
        'INVALID_FIELD',
        `Foreign key external ID field is missing or not an external id on ${target.name}`,
        [rel.name],
      );
    const found = this.find(target.name, ext.name, extValue);
    if (found.length !== 1)
      return err(
        'INVALID_FIELD',
        `Foreign key external ID: ${String(extValue)} not found for field ${ext.name} in entity ${target.name}`,
        [rel.name],
      );
    return { field: rel.name, id: found[0]!.Id };
  }
}

function typeMatches(f: EmulatedField, value: unknown): boolean {
  if (STRING_TYPES.has(f.type)) return typeof value === 'string';
  if (f.type === 'boolean') return typeof value === 'boolean';
  if (f.type === 'int') return Number.isInteger(value);
  if (NUMBER_TYPES.has(f.type)) return typeof value === 'number' && Number.isFinite(value);
  if (f.type === 'date') return typeof value === 'string' && DATE.test(value);
  if (f.type === 'datetime') return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  return true;
}
