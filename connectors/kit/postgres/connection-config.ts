/**
 * The connection settings shared by the Postgres source and destination, and how they become a `pg` client.
 * One spec shape so both connectors validate, redact and describe a connection the same way.
 */
import { Client, type ClientConfig } from 'pg';
import { z } from 'zod';

export const pgConnectionShape = {
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(5432),
  database: z.string().min(1),
  user: z.string().min(1),
  password: z.string().optional(),
  ssl: z.boolean().default(false),
};

export const pgConnectionSpec = z.object(pgConnectionShape);
export type PgConnectionConfig = z.infer<typeof pgConnectionSpec>;

export const PG_SECRET_FIELDS = ['password'] as const;

/** Short enough that a wrong host fails a `check` quickly, long enough for a cold TLS handshake. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** "user@host:port/database" — what messages show; never the password. */
export function describeTarget(config: PgConnectionConfig): string {
  return `${config.user}@${config.host}:${config.port}/${config.database}`;
}

export function newPgClient(
  config: PgConnectionConfig,
  applicationName: string,
  connectTimeoutMs: number,
): Client {
  const clientConfig: ClientConfig = {
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    // Certificates are verified against the system roots: a user who turns TLS on expects it to mean something.
    ssl: config.ssl ? { rejectUnauthorized: true } : false,
    application_name: applicationName,
    connectionTimeoutMillis: connectTimeoutMs,
  };
  const client = new Client(clientConfig);
  // A connection lost while idle is emitted as an event; without a listener Node would crash the worker.
  // The failure still reaches the caller through the next query on this client.
  client.on('error', () => undefined);
  return client;
}
