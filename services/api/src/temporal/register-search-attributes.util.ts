/** Adds the Syncline search attributes to a namespace, leaving those that already exist alone. */
import { type Connection, isGrpcServiceError } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_NAMES } from './search-attributes';

// temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD; spelled out to avoid a direct
// dependency on @temporalio/proto for one enum value.
const INDEXED_VALUE_TYPE_KEYWORD = 2;
const GRPC_ALREADY_EXISTS = 6;

type AddRequest = Parameters<Connection['operatorService']['addSearchAttributes']>[0];

/** Returns the names it added; a dev server started with `--search-attribute` already has them all. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = SEARCH_ATTRIBUTE_NAMES.filter((name) => !known.has(name));
  if (missing.length === 0) return [];
  const searchAttributes: AddRequest['searchAttributes'] = {};
  for (const name of missing) searchAttributes[name] = INDEXED_VALUE_TYPE_KEYWORD;
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (err) {
    // Another API or worker process registered them between our list and add.
    if (!(isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS)) throw err;
  }
  return missing;
}
