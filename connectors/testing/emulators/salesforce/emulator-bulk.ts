/**
 * Bulk API 2.0 ingest jobs in the emulator: Open → (CSV upload) → UploadComplete → InProgress →
 * JobComplete / Failed, or Aborted. Rows are applied with the same save rules as sObject Collections; results
 * come back as CSV with sf__Id / sf__Created or sf__Error plus the uploaded columns, as Salesforce returns them.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { EmulatedField, EmulatedObject } from './emulator-schema';
import { type EmulatorStore, RequestError, type SaveResult } from './emulator-store';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);

export interface IngestJob {
  id: string;
  object: string;
  operation: string;
  externalIdFieldName?: string;
  lineEnding: 'LF' | 'CRLF';
  state: JobState;
  csv: string;
  /** GETs left before an UploadComplete job finishes, so clients must poll. */
  pollsLeft: number;
  errorMessage?: string;
  successful: Record<string, string>[];
  failed: Record<string, string>[];
  columns: string[];
}

export function createJob(store: EmulatorStore, body: unknown, id: string, polls: number): IngestJob {
  const b = (body ?? {}) as Record<string, unknown>;
  const object = typeof b.object === 'string' ? store.object(b.object) : undefined;
  if (!object)
    throw new RequestError('NOT_FOUND', `sObject type '${String(b.object)}' is not supported.`, 400);
  if (typeof b.operation !== 'string' || !OPERATIONS.has(b.operation))
    throw new RequestError('InvalidJob', `Invalid operation: ${String(b.operation)}`);
  if (b.contentType !== undefined && b.contentType !== 'CSV')
    throw new RequestError('InvalidJob', `Unsupported contentType: ${String(b.contentType)}`);
  if (b.lineEnding !== undefined && b.lineEnding !== 'LF' && b.lineEnding !== 'CRLF')
    throw new RequestError('InvalidJob', `Invalid lineEnding: ${String(b.lineEnding)}`);
  if (b.operation === 'upsert') {
    const ext = object.fields.find((f) => f.name === b.externalIdFieldName);
    if (!ext || !(ext.externalId || ext.idLookup))
      throw new RequestError(
        'InvalidJob',
        `External ID was blank or not an External ID field for ${object.name}: ${String(b.externalIdFieldName)}`,
      );
  }
  return {
    id,
    object: object.name,
    operation: b.operation,
    externalIdFieldName: typeof b.externalIdFieldName === 'string' ? b.externalIdFieldName : undefined,
    lineEnding: b.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
    state: 'Open',
    csv: '',
    pollsLeft: polls,
    successful: [],
    failed: [],
    columns: [],
  };
}

export function jobInfo(job: IngestJob, apiVersion: string) {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: '005000000000001AAA',
    state: job.state,
    externalIdFieldName: job.externalIdFieldName,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(apiVersion.slice(1)),
    jobType: 'V2Ingest',
    lineEnding: job.lineEnding,
    columnDelimiter: 'COMMA',
    contentUrl: `services/data/${apiVersion}/jobs/ingest/${job.id}/batches`,
    numberRecordsProcessed: job.successful.length + job.failed.length,
    numberRecordsFailed: job.failed.length,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}

/** Runs an UploadComplete job to its end state. */
export function processJob(store: EmulatorStore, job: IngestJob): void {
  const object = store.object(job.object)!;
  if (job.lineEnding === 'LF' && job.csv.includes('\r\n'))
    return fail(
      job,
      'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
    );
  let rows: Record<string, string>[];
  try {
    rows = parse(job.csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (e) {
    return fail(job, `InvalidBatch : Failed to parse CSV: ${(e as Error).message}`);
  }
  job.columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const byId = job.operation === 'update' || job.operation === 'delete' || job.operation === 'hardDelete';
  for (const column of job.columns) {
    const base = column.split('.')[0]!;
    const known =
      column === 'Id' || object.fields.some((f) => f.name === base || f.relationshipName === base);
    if (!known) return fail(job, `InvalidBatch : Field name not found : ${column}`);
  }
  if (byId && !job.columns.includes('Id')) return fail(job, 'InvalidBatch : Field name not found : Id');
  for (const row of rows) {
    const result = applyRow(store, object, job, row);
    if (result.ok) job.successful.push({ sf__Id: result.id, sf__Created: String(result.created), ...row });
    else {
      const e = result.errors[0]!;
      job.failed.push({
        sf__Id: row.Id ?? '',
        sf__Error: `${e.statusCode}:${e.message}:${e.fields.join(',')} --`,
        ...row,
      });
    }
  }
  job.state = 'JobComplete';
}

function fail(job: IngestJob, message: string): void {
  job.state = 'Failed';
  job.errorMessage = message;
}

function applyRow(
  store: EmulatorStore,
  object: EmulatedObject,
  job: IngestJob,
  row: Record<string, string>,
): SaveResult {
  if (job.operation === 'delete' || job.operation === 'hardDelete') return store.delete(row.Id ?? '');
  const values: Record<string, unknown> = {};
  for (const [column, text] of Object.entries(row)) {
    if (text === '' || column === 'Id') continue;
    const [base, inner] = column.split('.') as [string, string | undefined];
    if (inner) {
      values[base] = { [inner]: text };
      continue;
    }
    const f = object.fields.find((x) => x.name === base)!;
    const value = text === '#N/A' ? null : fromCsv(f, text);
    if (value === undefined)
      return {
        ok: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: `'${text}' is not a valid value for the type xsd:${f.type}`,
            fields: [f.name],
          },
        ],
      };
    values[base] = value;
  }
  try {
    if (job.operation === 'insert') return store.create(object, values);
    if (job.operation === 'update') return store.update(object, row.Id ?? '', values);
    return store.upsert(
      object,
      object.fields.find((f) => f.name === job.externalIdFieldName)!,
      values,
    );
  } catch (e) {
    if (e instanceof RequestError)
      return { ok: false, errors: [{ statusCode: e.errorCode, message: e.message, fields: [] }] };
    throw e;
  }
}

/** A CSV cell in the field's type; undefined when it is not one. */
function fromCsv(f: EmulatedField, text: string): unknown {
  if (f.type === 'boolean')
    return /^(true|1)$/i.test(text) ? true : /^(false|0)$/i.test(text) ? false : undefined;
  if (f.type === 'int') return /^-?\d+$/.test(text) ? Number(text) : undefined;
  if (['double', 'currency', 'percent'].includes(f.type))
    return Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (f.type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  if (f.type === 'datetime') return Number.isNaN(Date.parse(text)) ? undefined : text;
  return text;
}

export function resultsCsv(job: IngestJob, kind: 'successful' | 'failed'): string {
  const first = kind === 'successful' ? ['sf__Id', 'sf__Created'] : ['sf__Id', 'sf__Error'];
  const rows = kind === 'successful' ? job.successful : job.failed;
  const columns = [...first, ...job.columns];
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns, record_delimiter: 'unix' },
  );
}
