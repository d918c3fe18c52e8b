/**
 * Bounds one Temporal call with a deadline and turns "unreachable" into ORCHESTRATOR_UNAVAILABLE, so an
 * unreachable server answers the user instead of hanging the request. A refusal (not found, invalid
 * argument) passes through for the caller to map.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import type { Client } from '@temporalio/client';
import type { SynclineConfig } from '../config/config.token';
import { isOrchestratorUnreachable } from '../sync-run/utils/is-orchestrator-unreachable.util';

export const TEMPORAL_CALL_DEADLINE_MS = 5_000;

export async function callTemporal<T>(
  client: Client,
  config: SynclineConfig,
  fn: () => Promise<T>,
  deadlineMs = TEMPORAL_CALL_DEADLINE_MS,
): Promise<T> {
  try {
    return await client.withDeadline(Date.now() + deadlineMs, fn);
  } catch (err) {
    if (!isOrchestratorUnreachable(err)) throw err;
    const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = config;
    throw new SynclineError(
      ErrorCode.OrchestratorUnavailable,
      `Temporal is unreachable at TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS} (namespace ${TEMPORAL_NAMESPACE}), or no worker answered in time; try again when it is up`,
      { cause: err },
    );
  }
}
