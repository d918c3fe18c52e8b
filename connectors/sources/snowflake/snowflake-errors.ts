/**
 * Reads what went wrong from a snowflake-sdk error — Snowflake's own error code, never the text — and words
 * connection failures so a user can act on them.
 */
import { errorMessage, errorProp, type SourceFailureKind } from '../../kit/source-errors';
import type { SnowflakeSourceConfig } from './snowflake-source.config';

// https://docs.snowflake.com/en/user-guide/key-pair-auth-troubleshooting and the driver's ErrorCodes.
const AUTH_CODES = new Set(['390100', '390101', '390102', '390144', '394304', '390422']);
const UNKNOWN_OBJECT_CODES = new Set(['390201', '390189']);
const TIMEOUT_CODES = new Set(['000630', '604']);
const NETWORK_CODES = new Set(['401001', '401002', '401003']);

export function snowflakeCode(err: unknown): string | undefined {
  const code = errorProp(err, 'code');
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return undefined;
}

export function classifySnowflakeError(err: unknown): SourceFailureKind {
  const code = snowflakeCode(err);
  if (code && AUTH_CODES.has(code)) return 'auth';
  if (code && UNKNOWN_OBJECT_CODES.has(code)) return 'unknown-database';
  if (code && TIMEOUT_CODES.has(code)) return 'timeout';
  if (code && NETWORK_CODES.has(code)) return 'unreachable';
  return 'query';
}

export function snowflakeMessage(err: unknown, config: SnowflakeSourceConfig): string {
  return errorMessage(err, config.password, config.privateKey, config.privateKeyPassphrase);
}

export function describeSnowflakeConnectFailure(err: unknown, config: SnowflakeSourceConfig): string {
  const said = snowflakeMessage(err, config);
  const where = config.accessUrl ?? `account ${config.account}`;
  switch (classifySnowflakeError(err)) {
    case 'auth':
      return config.privateKey
        ? `Snowflake refused the key pair of user "${config.username}" (${where}): check that the user's RSA_PUBLIC_KEY matches the private key (server said: ${said})`
        : `Snowflake refused the credentials for user "${config.username}" (${where}): check the user name and password (server said: ${said})`;
    case 'unknown-database':
      return `Snowflake does not know the database, warehouse or role configured for ${where}, or the role may not use it (server said: ${said})`;
    case 'unreachable':
      return `Cannot reach Snowflake at ${where} (${said}): check the account identifier and that Syncline may connect to it`;
    default:
      return `Could not connect to Snowflake at ${where}: ${said}`;
  }
}
