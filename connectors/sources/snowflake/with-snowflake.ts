/** Runs `work` on a fresh Snowflake session and always closes it; failures become SynclineErrors. */
import { SynclineError } from '@syncline/errors';
import type { Connection } from 'snowflake-sdk';
import { sourceConnectFailed, sourceQueryFailed } from '../../kit/source-errors';
import { closeSnowflake, connectSnowflake } from './connect';
import {
  classifySnowflakeError,
  describeSnowflakeConnectFailure,
  snowflakeMessage,
} from './snowflake-errors';
import type { SnowflakeSourceConfig } from './snowflake-source.config';

export async function openSnowflake(config: SnowflakeSourceConfig): Promise<Connection> {
  return connectSnowflake(config).catch((err: unknown) => {
    throw sourceConnectFailed(describeSnowflakeConnectFailure(err, config), err);
  });
}

export async function withSnowflake<T>(
  config: SnowflakeSourceConfig,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await openSnowflake(config);
  try {
    return await work(connection);
  } catch (err) {
    if (err instanceof SynclineError) throw err;
    throw sourceQueryFailed(classifySnowflakeError(err), snowflakeMessage(err, config), err);
  } finally {
    await closeSnowflake(connection);
  }
}
