/**
 * Writes a batch and, when the destination refuses the whole request for its content, splits it in halves
 * until the refused records stand alone: good records are delivered, bad ones are rejected with the
 * destination's reason. A batch of n records with one bad record costs about 2·log2(n) extra requests.
 */
import type { DestinationConnector, DestinationRecord, RecordOutcome, WriteContext } from '@syncline/domain';
import { BatchRejectedError, isSynclineError } from '@syncline/errors';
import { sleep } from '@syncline/rate-limit';

/**
 * While isolating, a transient error is retried here: failing the attempt would throw away the halves
 * already delivered, and with a flaky destination the ~2·log2(n) requests might never all succeed at once.
 */
const ISOLATION_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000];

export async function writeIsolating<Config>(
  connector: DestinationConnector<Config>,
  config: Config,
  records: DestinationRecord[],
  context: WriteContext,
): Promise<RecordOutcome[]> {
  if (records.length === 0) return [];
  try {
    return await connector.write(config, records, context);
  } catch (err) {
    if (!(err instanceof BatchRejectedError)) throw err;
    return isolate(connector, config, records, context, err);
  }
}

async function isolate<Config>(
  connector: DestinationConnector<Config>,
  config: Config,
  records: DestinationRecord[],
  context: WriteContext,
  refusal: BatchRejectedError,
): Promise<RecordOutcome[]> {
  if (records.length === 1) return [{ key: records[0]!.key, status: 'rejected', reason: refusal.reason }];
  const half = Math.ceil(records.length / 2);
  const outcomes: RecordOutcome[] = [];
  for (const part of [records.slice(0, half), records.slice(half)]) {
    const answer = await writeRetryingTransient(connector, config, part, context);
    outcomes.push(
      ...(answer instanceof BatchRejectedError
        ? await isolate(connector, config, part, context, answer)
        : answer),
    );
  }
  return outcomes;
}

async function writeRetryingTransient<Config>(
  connector: DestinationConnector<Config>,
  config: Config,
  records: DestinationRecord[],
  context: WriteContext,
): Promise<RecordOutcome[] | BatchRejectedError> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await connector.write(config, records, context);
    } catch (err) {
      if (err instanceof BatchRejectedError) return err;
      const delay = ISOLATION_RETRY_DELAYS_MS[attempt];
      if (!isSynclineError(err) || !err.transient || delay === undefined || context.signal?.aborted)
        throw err;
      await sleep(err.retryAfterMs ?? delay, context.signal);
    }
  }
}
