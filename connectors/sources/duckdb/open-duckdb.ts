/**
 * Opens a DuckDB file read-only (the engine itself refuses writes, and a demo file stays untouched) and
 * closes it again. A missing or locked file is a connection failure the user fixes in the source's config.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { sourceConnectFailed } from '../../kit/source-errors';
import { errorMessage } from '../../kit/source-errors';
import type { DuckdbSourceConfig } from './duckdb-source.config';

export interface DuckdbSession {
  connection: DuckDBConnection;
  close(): void;
}

export async function openDuckdb(config: DuckdbSourceConfig): Promise<DuckdbSession> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(config.path, { access_mode: 'READ_ONLY' });
  } catch (err) {
    throw sourceConnectFailed(
      `Cannot open the DuckDB file ${config.path} read-only: check that it exists and that no other process holds it open for writing (DuckDB said: ${errorMessage(err)})`,
      err,
    );
  }
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
