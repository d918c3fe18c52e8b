/**
 * Opens a `pg` client with a bounded handshake and explains connection failures in words a user can act on.
 * Shared by the source's `check` / `query` and the destination's `check` / `write`.
 */
import type { Client } from 'pg';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  describeTarget,
  newPgClient,
  type PgConnectionConfig,
} from './connection-config';
import { classifyPgError, PgConnectTimeoutError, pgMessage } from './pg-error';

export interface ConnectOptions {
  connectTimeoutMs?: number;
  applicationName: string;
}

/** Connects or throws the raw failure (classify it with `classifyPgError`); the client is closed on failure. */
export async function connectPg(config: PgConnectionConfig, options: ConnectOptions): Promise<Client> {
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  // pg's own connect timeout destroys the socket (ending a half-open client would wait for a goodbye forever);
  // it reports a bare Error, so the elapsed time tells a timeout from other code-less failures.
  const client = newPgClient(config, options.applicationName, timeoutMs);
  const started = Date.now();
  try {
    await client.connect();
    return client;
  } catch (err) {
    void client.end().catch(() => undefined);
    const codeless = typeof err === 'object' && err !== null && !('code' in err);
    throw codeless && Date.now() - started >= timeoutMs ? new PgConnectTimeoutError(timeoutMs) : err;
  }
}

/** A specific, actionable sentence for a failure to connect; never contains the password. */
export function describeConnectFailure(err: unknown, config: PgConnectionConfig): string {
  const target = describeTarget(config);
  const said = pgMessage(err, config.password);
  switch (classifyPgError(err)) {
    case 'auth':
      return `Postgres refused the credentials for user "${config.user}" (${target}): check the user name and password (server said: ${said})`;
    case 'unknown-database':
      return `Database "${config.database}" does not exist on ${config.host}:${config.port}: check the database name (server said: ${said})`;
    case 'unreachable':
      return err instanceof PgConnectTimeoutError
        ? `Cannot reach Postgres at ${config.host}:${config.port}: no answer within ${err.timeoutMs} ms; check the host, the port and that a firewall allows Syncline to connect`
        : `Cannot reach Postgres at ${config.host}:${config.port} (${said}): check the host and port and that the server accepts TCP connections`;
    case 'permission':
      return `User "${config.user}" may not connect to ${target}: grant CONNECT on the database (server said: ${said})`;
    default:
      return `Could not connect to Postgres at ${target}: ${said}`;
  }
}
