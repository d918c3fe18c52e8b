/**
 * Opens a snowflake-sdk connection with a bounded login, and closes it again. The driver's own login retries
 * run for minutes against an unreachable host; a source `check` has to answer in seconds.
 */
import snowflake, { type Connection } from 'snowflake-sdk';
import type { SnowflakeSourceConfig } from './snowflake-source.config';

// The driver logs to ./snowflake.log by default; Syncline reports errors itself and never writes files there.
snowflake.configure({ logLevel: 'OFF', additionalLogToConsole: false });

export class SnowflakeConnectTimeoutError extends Error {
  readonly code = '401001';
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'SnowflakeConnectTimeoutError';
  }
}

export async function connectSnowflake(config: SnowflakeSourceConfig): Promise<Connection> {
  const connection = snowflake.createConnection({
    account: config.account,
    accessUrl: config.accessUrl,
    username: config.username,
    ...(config.privateKey
      ? {
          authenticator: 'SNOWFLAKE_JWT',
          privateKey: config.privateKey,
          privateKeyPass: config.privateKeyPassphrase,
        }
      : { password: config.password }),
    warehouse: config.warehouse,
    role: config.role,
    database: config.database,
    schema: config.schema,
    application: 'Syncline',
    // Binds must stay inline: the stage-upload path for large binds is not needed for reads.
    arrayBindingThreshold: 1_000_000,
    retryTimeout: 0,
    sfRetryMaxLoginRetries: 1,
  } as Parameters<typeof snowflake.createConnection>[0]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SnowflakeConnectTimeoutError(config.connectTimeoutMs)),
      config.connectTimeoutMs,
    );
  });
  try {
    // connectAsync() resolves even when the login is refused; the callback form reports the error.
    const connected = new Promise<void>((resolve, reject) => {
      connection.connect((err) => (err ? reject(err) : resolve()));
    });
    await Promise.race([connected, timeout]);
    return connection;
  } catch (err) {
    void closeSnowflake(connection);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export function closeSnowflake(connection: Connection): Promise<void> {
  return new Promise((resolve) => {
    if (!connection.isUp()) {
      resolve();
      return;
    }
    connection.destroy(() => resolve());
  });
}
