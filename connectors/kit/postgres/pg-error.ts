/**
 * Reads what went wrong from a `pg` / socket error: the SQLSTATE class or the Node socket code, never the text.
 * Connectors turn these facts into SynclineErrors with their own codes and messages.
 */
export type PgFailureKind =
  | 'auth' // wrong password, unknown role, pg_hba refusal
  | 'unknown-database'
  | 'unreachable' // refused, unresolvable, unroutable, connect timeout
  | 'connection-lost' // an established connection broke, server shutting down, out of resources
  | 'conflict' // the server aborted the transaction: deadlock, serialization failure (SQLSTATE class 40)
  | 'statement-timeout-or-cancel'
  | 'data' // a row's values violate the table: types, NOT NULL, checks, FKs, duplicate keys in one statement
  | 'undefined-table'
  | 'undefined-column'
  | 'no-unique-constraint'
  | 'permission'
  | 'query'; // any other SQL error: syntax, functions, division by zero …

/** Thrown by `connectPg` when the server did not complete the handshake in time. */
export class PgConnectTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'PgConnectTimeoutError';
  }
}

const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

function stringProp(err: unknown, prop: string): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const value = (err as Record<string, unknown>)[prop];
  return typeof value === 'string' ? value : undefined;
}

/** The SQLSTATE of a server error (five characters), undefined for socket and driver errors. */
export function sqlState(err: unknown): string | undefined {
  const code = stringProp(err, 'code');
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function classifyPgError(err: unknown): PgFailureKind {
  if (err instanceof PgConnectTimeoutError) return 'unreachable';
  const state = sqlState(err);
  if (!state) {
    const socketCode = stringProp(err, 'code');
    return socketCode && UNREACHABLE_SOCKET_CODES.has(socketCode) ? 'unreachable' : 'connection-lost';
  }
  if (state === '28P01' || state === '28000') return 'auth';
  if (state === '3D000') return 'unknown-database';
  if (state === '57014') return 'statement-timeout-or-cancel';
  if (state === '42P01' || state === '3F000') return 'undefined-table';
  if (state === '42703') return 'undefined-column';
  if (state === '42P10') return 'no-unique-constraint';
  if (state === '42501') return 'permission';
  const cls = state.slice(0, 2);
  // P0: an exception raised by a trigger or rule, i.e. the table's own validation of one row.
  if (cls === '22' || cls === '23' || cls === '21' || cls === 'P0') return 'data';
  // 40 transaction rollback: deadlock, serialization failure — the same statement may succeed if retried.
  if (cls === '40') return 'conflict';
  // 08 connection exception, 57P admin shutdown / crash, 53 out of resources.
  if (cls === '08' || cls === '53' || state.startsWith('57P')) return 'connection-lost';
  return 'query';
}

/** The server's (or driver's) own message, with the password scrubbed in case a driver ever echoes it. */
export function pgMessage(err: unknown, password?: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  const socketCode = sqlState(err) ? undefined : stringProp(err, 'code');
  const message = socketCode && !raw.includes(socketCode) ? `${socketCode}: ${raw}` : raw;
  return password ? message.split(password).join('[redacted]') : message;
}
