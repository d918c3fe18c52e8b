/**
 * What the emulator checks in a users upload, as the Marketing API does: a `payload` with a known multi-key
 * `schema` and `data` rows of its length, at most 10,000 rows, hashed keys as SHA-256 hex (Syncline's
 * "never send raw PII" guarantee is enforced here: a plain value is refused, not counted), and a well-formed
 * `session`.
 */
import {
  isMatchKey,
  type MatchKey,
  SHA256_HEX,
  UNHASHED_KEYS,
} from '../../../destinations/meta-custom-audiences/match-keys';

export interface UploadSessionParams {
  session_id: number;
  batch_seq: number;
  last_batch_flag: boolean;
  estimated_num_total?: number;
}

export interface UploadCheck {
  schema: MatchKey[];
  data: string[][];
  session?: UploadSessionParams;
}

export type Checked = { ok: true; upload: UploadCheck } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const MAX_UNHASHED_LENGTH = 256;

/** Graph API takes parameters as JSON or form fields whose values are JSON text. */
export function uploadParams(contentType: string, body: string): Record<string, unknown> | string {
  if (contentType.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return isObject(parsed) ? parsed : 'the body must be a JSON object';
    } catch {
      return 'the body is not valid JSON';
    }
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const params: Record<string, unknown> = {};
    for (const [name, value] of new URLSearchParams(body)) {
      try {
        params[name] = JSON.parse(value);
      } catch {
        params[name] = value;
      }
    }
    return params;
  }
  return 'Content-Type must be application/json or application/x-www-form-urlencoded';
}

function checkSchema(raw: unknown): MatchKey[] | string {
  const schema = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(schema) || schema.length === 0)
    return '(#100) payload.schema must be a key or a non-empty list of keys';
  for (const key of schema)
    if (typeof key !== 'string' || !isMatchKey(key))
      return `(#100) payload.schema: unknown key ${JSON.stringify(key)}`;
  if (new Set(schema).size !== schema.length) return '(#100) payload.schema repeats a key';
  return schema as MatchKey[];
}

function valueProblem(key: MatchKey, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value === '') return undefined;
  if (UNHASHED_KEYS.has(key)) return value.length > MAX_UNHASHED_LENGTH ? 'is too long' : undefined;
  // The value itself is never echoed: it may be the very PII that should not have been sent.
  return SHA256_HEX.test(value) ? undefined : 'is not a SHA-256 hex digest (raw values are refused)';
}

function checkSession(raw: unknown): UploadSessionParams | string | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) return '(#100) session must be an object';
  if (!isPositiveInt(raw.session_id)) return '(#100) session.session_id must be a positive 64-bit integer';
  if (!isPositiveInt(raw.batch_seq)) return '(#100) session.batch_seq must be a positive integer';
  if (typeof raw.last_batch_flag !== 'boolean') return '(#100) session.last_batch_flag must be a boolean';
  if (raw.estimated_num_total !== undefined && !isPositiveInt(raw.estimated_num_total))
    return '(#100) session.estimated_num_total must be a positive integer';
  return raw as unknown as UploadSessionParams;
}

export function checkUpload(params: Record<string, unknown>, maxRows: number): Checked {
  const { payload } = params;
  if (!isObject(payload)) return { ok: false, problem: '(#100) The parameter payload is required' };
  const schema = checkSchema(payload.schema);
  if (typeof schema === 'string') return { ok: false, problem: schema };
  if (!Array.isArray(payload.data) || payload.data.length === 0)
    return { ok: false, problem: '(#100) payload.data must be a non-empty list of rows' };
  if (payload.data.length > maxRows)
    return {
      ok: false,
      problem: `(#100) Too many users in one request: ${payload.data.length}, at most ${maxRows}`,
    };
  for (const [i, row] of (payload.data as unknown[]).entries()) {
    if (!Array.isArray(row) || row.length !== schema.length)
      return {
        ok: false,
        problem: `(#100) payload.data[${i}] must have ${schema.length} values, one per schema key`,
      };
    for (const [j, value] of row.entries()) {
      const problem = valueProblem(schema[j]!, value);
      if (problem) return { ok: false, problem: `(#100) payload.data[${i}] ${schema[j]} ${problem}` };
    }
  }
  const session = checkSession(params.session);
  if (typeof session === 'string') return { ok: false, problem: session };
  return { ok: true, upload: { schema, data: payload.data as string[][], session } };
}
