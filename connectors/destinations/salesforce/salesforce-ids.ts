/**
 * Finds record Ids by external id with SOQL (`SELECT Id, Ext FROM Obj WHERE Ext IN (...)`): Collections
 * update and delete, and Bulk API update and delete, address records by Id only.
 */
import type { SalesforceClient } from './salesforce-client';
import { fieldType, type SObjectField } from './salesforce-describe';
import { assertOk } from './salesforce-errors';

// Keeps each query URL well under the REST API's 16,384-character URI limit once percent-encoded.
const MAX_VALUES_CHARS = 4_000;

interface QueryAnswer {
  done?: boolean;
  nextRecordsUrl?: string;
  records?: Record<string, unknown>[];
}

const isNumeric = (field: SObjectField): boolean => {
  const t = fieldType(field.type);
  return t === 'number' || t === 'integer';
};

/** SOQL string literal: backslash and quote escaped (SOQL's documented escape sequences). */
const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Key → the Ids of the records holding it (none: not in Salesforce; several: a non-unique external id). */
export async function resolveIds(
  client: SalesforceClient,
  object: string,
  field: SObjectField,
  keys: readonly string[],
): Promise<Map<string, string[]>> {
  const numeric = isNumeric(field);
  const norm = (v: unknown): string => (numeric ? String(Number(v)) : String(v));
  const wanted = new Map<string, string>();
  const literals: string[] = [];
  for (const key of keys) {
    if (numeric && !Number.isFinite(Number(key))) continue;
    wanted.set(norm(key), key);
    literals.push(numeric ? String(Number(key)) : quote(key));
  }
  const ids = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const chunk of chunksByLength(literals)) {
    let path: string | undefined = '/query';
    let query: Record<string, string> | undefined = {
      q: `SELECT Id, ${field.name} FROM ${object} WHERE ${field.name} IN (${chunk.join(',')})`,
    };
    while (path) {
      const answer = await client.api({ method: 'GET', path, query });
      assertOk(answer, `look up ${object} records by ${field.name}`);
      const body = (answer.json ?? {}) as QueryAnswer;
      for (const row of body.records ?? []) {
        const key = wanted.get(norm(row[field.name]));
        if (key !== undefined && typeof row.Id === 'string') ids.get(key)!.push(row.Id);
      }
      // nextRecordsUrl is absolute from the host: strip /services/data/vXX.X, the client adds it back.
      path =
        body.done === false && body.nextRecordsUrl
          ? body.nextRecordsUrl.replace(/^\/services\/data\/v[\d.]+/, '')
          : undefined;
      query = undefined;
    }
  }
  return ids;
}

function chunksByLength(literals: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const literal of literals) {
    if (current.length > 0 && length + literal.length > MAX_VALUES_CHARS) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(literal);
    length += literal.length + 1;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
