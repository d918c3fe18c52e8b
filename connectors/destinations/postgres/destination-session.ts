/**
 * One connection per destination call, with cancellation and error mapping in one place: every statement is
 * raced against the caller's signal, and anything that escapes becomes a SynclineError.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { Client } from 'pg';
import { watchAbort } from '../../kit/abort-watch';
import { connectPg } from '../../kit/postgres';
import type { PostgresDestinationConfig } from './postgres-destination.config';
import { destinationConnectError, destinationWriteError } from './destination-errors';
import type { RunStatement } from './write-batch';

export interface DestinationSession {
  client: Client;
  run: RunStatement;
  race<T>(work: Promise<T>): Promise<T>;
}

export async function withDestinationSession<T>(
  config: PostgresDestinationConfig,
  what: string,
  signal: AbortSignal | undefined,
  work: (session: DestinationSession) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw cancelled(what, signal.reason);
  const client = await connectPg(config, { applicationName: 'syncline-destination' }).catch(
    (err: unknown) => {
      throw destinationConnectError(err, config);
    },
  );
  // Closing the socket makes the server roll back the open transaction; writes are idempotent on replay.
  const watch = watchAbort(signal, () => void client.end().catch(() => undefined));
  const run: RunStatement = (statement) =>
    watch.race(
      typeof statement === 'string'
        ? client.query(statement)
        : client.query(statement.text, statement.values),
    );
  try {
    return await work({ client, run, race: (p) => watch.race(p) });
  } catch (err) {
    if (watch.fired) throw cancelled(what, err);
    if (err instanceof SynclineError) throw err;
    throw destinationWriteError(err, config, what);
  } finally {
    watch.dispose();
    await client.end().catch(() => undefined);
  }
}

function cancelled(what: string, cause: unknown): SynclineError {
  return new SynclineError(
    ErrorCode.DestinationUnavailable,
    `Writing to ${what} was cancelled before it finished`,
    {
      cause,
      details: { cancelled: true },
    },
  );
}
