/**
 * An in-process Salesforce org for tests: the OAuth token endpoint and the REST API resources the connector
 * uses (sobjects list + describe, SOQL query, sObject Collections create/update/upsert/delete, Bulk API 2.0
 * ingest jobs, limits). It enforces what Salesforce enforces — Bearer session (401 INVALID_SESSION_ID),
 * paths, methods, Content-Type, body shape, the 200-record collection limit, per-record save rules — and
 * answers in Salesforce's formats. Faults: 5xx, 429 + Retry-After, 403 REQUEST_LIMIT_EXCEEDED, expired tokens.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createJob, type IngestJob, jobInfo, processJob, resultsCsv } from './emulator-bulk';
import { parseIdQuery } from './emulator-query';
import { summaryOf } from './emulator-schema';
import { EmulatorStore, RequestError, type SaveResult, type SfRecord } from './emulator-store';
import { handleCollections } from './emulator-collections';
import { readRequest, startEmulatorServer } from '../kit/emulator-server';
import { type EmulatorAnswer, EmulatorFaults, type FaultControls, type StatusFault } from '../kit/faults';

export type { SfRecord } from './emulator-store';

export interface ReceivedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  status: number;
}

export interface SalesforceEmulator extends FaultControls {
  /** Instance URL and login URL (one server plays both). */
  url: string;
  accessToken: string;
  oauth: { clientId: string; clientSecret: string; refreshToken: string };
  /** Every request that arrived, in order, whatever the answer. */
  received: ReceivedRequest[];
  /** API requests (under /services/data) received so far. */
  apiRequestCount(): number;
  records(object: string): SfRecord[];
  /** Creates a record directly (no request logged), e.g. an existing Account to link to. */
  seed(object: string, values: Record<string, unknown>): string;
  /** The next `n` API requests are answered 403 REQUEST_LIMIT_EXCEEDED (Salesforce's own throttling). */
  requestLimitNext(n: number): void;
  /** Every access token issued so far stops working (401 INVALID_SESSION_ID), as when a session expires. */
  expireSessions(): void;
  /** A validation rule: saving `object` with `field` in `values` fails FIELD_CUSTOM_VALIDATION_EXCEPTION. */
  addValidationRule(object: string, field: string, values: string[], message?: string): void;
  /** Saving `object` with `field` in `values` fails UNABLE_TO_LOCK_ROW (retry later) until clearFaults(). */
  lockRecords(object: string, field: string, values: string[]): void;
  jobs(): IngestJob[];
  close(): Promise<void>;
}

const API = /^\/services\/data\/v(\d+)\.0(\/.*)?$/;
// Oldest version with sObject Collections upsert, newest generally available (Summer '26).
const MIN_VERSION = 46;
const MAX_VERSION = 67;
const DAILY_LIMIT = 100_000;

/** Salesforce's answers to an outage (UNKNOWN_EXCEPTION) and to throttling (429 + Retry-After). */
function faultAnswer({ status, retryAfterSeconds }: StatusFault): EmulatorAnswer {
  if (status === 429)
    return {
      status: 429,
      headers: { 'Retry-After': String(retryAfterSeconds ?? 1) },
      body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests' }],
    };
  return {
    status,
    body: [
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message:
          'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-5678 (-1)',
      },
    ],
  };
}

export async function startSalesforceEmulator(
  options: { bulkPollsBeforeComplete?: number } = {},
): Promise<SalesforceEmulator> {
  const store = new EmulatorStore();
  const received: ReceivedRequest[] = [];
  const tokens = new Set<string>([`00D000000000001!${randomUUID()}`]);
  const accessToken = [...tokens][0]!;
  const oauth = {
    clientId: '3MVG9-emulated-client',
    clientSecret: `secret-${randomUUID()}`,
    refreshToken: `5Aep-${randomUUID()}`,
  };
  // Faults strike API requests (under /services/data), not the token endpoint.
  const faults = new EmulatorFaults(faultAnswer);
  const jobs = new Map<string, IngestJob>();
  let apiCount = 0;
  let jobCounter = 0;

  const sfError = (status: number, errorCode: string, message: string): EmulatorAnswer => ({
    status,
    body: [{ message, errorCode }],
  });

  function token(body: string, headers: Record<string, string>): EmulatorAnswer {
    if (!(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'must use application/x-www-form-urlencoded' },
      };
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'refresh_token')
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' },
      };
    if (form.get('client_id') !== oauth.clientId)
      return {
        status: 400,
        body: { error: 'invalid_client_id', error_description: 'client identifier invalid' },
      };
    if (form.get('client_secret') !== oauth.clientSecret)
      return {
        status: 400,
        body: { error: 'invalid_client', error_description: 'invalid client credentials' },
      };
    if (form.get('refresh_token') !== oauth.refreshToken)
      return {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
      };
    const issued = `00D000000000001!${randomUUID()}`;
    tokens.add(issued);
    return {
      status: 200,
      body: {
        access_token: issued,
        instance_url: url,
        id: `${url}/id/00D000000000001/005000000000001`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
        signature: 'emulated',
      },
    };
  }

  function api(
    method: string,
    version: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string>,
    body: string,
  ): EmulatorAnswer {
    const auth = /^Bearer (.+)$/.exec(headers.authorization ?? '');
    if (!auth || !tokens.has(auth[1]!))
      return sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    const v = Number(version);
    if (v < MIN_VERSION || v > MAX_VERSION)
      return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const fault = faults.before();
    if (fault) return fault;
    const json = (): unknown => {
      if (!(headers['content-type'] ?? '').startsWith('application/json'))
        throw new RequestError(
          'UNSUPPORTED_MEDIA_TYPE',
          `Content-Type header specified in HTTP request is not supported: ${headers['content-type'] ?? ''}`,
          415,
        );
      try {
        return JSON.parse(body) as unknown;
      } catch {
        throw new RequestError('JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON value');
      }
    };
    const only = (...allowed: string[]) => {
      if (!allowed.includes(method))
        throw new RequestError(
          'METHOD_NOT_ALLOWED',
          `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
          405,
        );
    };
    const apiVersion = `v${version}.0`;

    if (path === '/limits') {
      only('GET');
      return {
        status: 200,
        body: { DailyApiRequests: { Max: DAILY_LIMIT, Remaining: DAILY_LIMIT - apiCount } },
      };
    }
    if (path === '/sobjects') {
      only('GET');
      return {
        status: 200,
        body: { encoding: 'UTF-8', maxBatchSize: 200, sobjects: [...store.objects.values()].map(summaryOf) },
      };
    }
    const describe = /^\/sobjects\/(\w+)\/describe\/?$/.exec(path);
    if (describe) {
      only('GET');
      const o = store.object(describe[1]!);
      if (!o) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const { keyPrefix, ...rest } = o;
      return { status: 200, body: { ...rest, keyPrefix } };
    }
    if (path === '/query' || path === '/query/') {
      only('GET');
      const q = parseIdQuery(query.get('q') ?? '');
      const o = store.object(q.object);
      if (!o) throw new RequestError('INVALID_TYPE', `sObject type '${q.object}' is not supported.`);
      if (!o.fields.some((f) => f.name === q.field))
        throw new RequestError('INVALID_FIELD', `No such column '${q.field}' on entity '${q.object}'.`);
      const rows = q.values.flatMap((value) => store.find(o.name, q.field, value));
      const unique = [...new Map(rows.map((r) => [r.Id, r])).values()];
      return {
        status: 200,
        body: {
          totalSize: unique.length,
          done: true,
          records: unique.map((r) => ({
            attributes: { type: o.name, url: `/services/data/${apiVersion}/sobjects/${o.name}/${r.Id}` },
            Id: r.Id,
            [q.field]: r[q.field],
          })),
        },
      };
    }
    if (path.startsWith('/composite/sobjects')) return handleCollections(store, method, path, query, json);
    if (path === '/jobs/ingest' || path === '/jobs/ingest/') {
      only('POST');
      const job = createJob(
        store,
        json(),
        `750${String(++jobCounter).padStart(12, '0')}AAA`,
        options.bulkPollsBeforeComplete ?? 1,
      );
      jobs.set(job.id, job);
      return { status: 200, body: jobInfo(job, apiVersion) };
    }
    const jobPath =
      /^\/jobs\/ingest\/(\w+)(\/batches|\/successfulResults|\/failedResults|\/unprocessedrecords)?\/?$/.exec(
        path,
      );
    if (jobPath) {
      const job = jobs.get(jobPath[1]!);
      if (!job) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
      return jobRequest(job, method, jobPath[2] ?? '', headers, body, json, apiVersion);
    }
    return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  function jobRequest(
    job: IngestJob,
    method: string,
    sub: string,
    headers: Record<string, string>,
    body: string,
    json: () => unknown,
    apiVersion: string,
  ): EmulatorAnswer {
    if (sub === '/batches') {
      if (method !== 'PUT')
        return sfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are PUT`);
      if (!(headers['content-type'] ?? '').startsWith('text/csv'))
        return sfError(400, 'INVALIDCONTENTTYPE', 'Content-Type must be text/csv');
      if (job.state !== 'Open')
        return sfError(409, 'INVALIDJOBSTATE', `Job state ${job.state} does not allow uploads`);
      job.csv += body;
      return { status: 201 };
    }
    if (sub === '/successfulResults' || sub === '/failedResults' || sub === '/unprocessedrecords') {
      if (method !== 'GET')
        return sfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET`);
      if (job.state !== 'JobComplete' && job.state !== 'Failed' && job.state !== 'Aborted')
        return sfError(400, 'INVALIDJOBSTATE', 'Job is not finished');
      if (sub === '/unprocessedrecords')
        return { status: 200, text: job.state === 'JobComplete' ? '' : job.csv, contentType: 'text/csv' };
      return {
        status: 200,
        text: resultsCsv(job, sub === '/successfulResults' ? 'successful' : 'failed'),
        contentType: 'text/csv',
      };
    }
    if (method === 'GET') {
      if (job.state === 'UploadComplete' || job.state === 'InProgress') {
        if (job.pollsLeft-- > 0) job.state = 'InProgress';
        else processJob(store, job);
      }
      return { status: 200, body: jobInfo(job, apiVersion) };
    }
    if (method === 'PATCH') {
      const state = ((json() ?? {}) as { state?: unknown }).state;
      if (state === 'UploadComplete' && job.state === 'Open') {
        job.state = 'UploadComplete';
        if (job.pollsLeft <= 0) processJob(store, job);
      } else if (state === 'Aborted' && !['JobComplete', 'Failed', 'Aborted'].includes(job.state))
        job.state = 'Aborted';
      else
        return sfError(
          400,
          'INVALIDJOBSTATE',
          `Cannot change job state from ${job.state} to ${String(state)}`,
        );
      return { status: 200, body: jobInfo(job, apiVersion) };
    }
    return sfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,PATCH`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { text: body, headers } = await readRequest(req);
    const target = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const entry: ReceivedRequest = {
      method,
      path: target.pathname,
      query: target.searchParams,
      headers,
      body,
      status: 0,
    };
    received.push(entry);
    let answer: EmulatorAnswer;
    const match = API.exec(target.pathname);
    try {
      if (target.pathname === '/services/oauth2/token' && method === 'POST') answer = token(body, headers);
      else if (match) {
        apiCount++;
        answer = api(method, match[1]!, match[2] ?? '/', target.searchParams, headers, body);
      } else answer = sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    } catch (e) {
      if (!(e instanceof RequestError)) throw e;
      answer = sfError(e.status, e.errorCode, e.message);
    }
    entry.status = answer.status;
    await server.respond(req, res, answer, { faults, contentType: 'application/json;charset=UTF-8' });
  }

  const server = await startEmulatorServer(handle, {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }]),
  });
  const url = server.origin;

  return {
    url,
    accessToken,
    oauth,
    received,
    apiRequestCount: () => apiCount,
    records: (object) => store.records(object).map((r) => ({ ...r })),
    seed(object, values) {
      const o = store.object(object);
      if (!o) throw new Error(`no sObject ${object} in the emulator`);
      const result: SaveResult = store.create(o, values);
      if (!result.ok) throw new Error(`seed refused: ${JSON.stringify(result.errors)}`);
      return result.id;
    },
    failNext: (n, status, opts) => faults.failNext(n, status, opts),
    throttleNext: (n, seconds) => faults.throttleNext(n, seconds),
    delayNext: (n, ms) => faults.delayNext(n, ms),
    setFaults: (plan) => faults.setFaults(plan),
    clearFaults() {
      faults.clearFaults();
      store.unlock();
    },
    requestLimitNext(n) {
      faults.answerNext(n, () => sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    },
    expireSessions() {
      tokens.clear();
    },
    addValidationRule(object, field, values, message = `${field} is not allowed by a validation rule`) {
      store.addRule(object, field, values, message, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    },
    lockRecords(object, field, values) {
      const message = 'unable to obtain exclusive access to this record or 1 records';
      store.addRule(object, field, values, message, 'UNABLE_TO_LOCK_ROW');
    },
    jobs: () => [...jobs.values()],
    close() {
      return server.close();
    },
  };
}
