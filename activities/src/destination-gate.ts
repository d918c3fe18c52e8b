/**
 * The gate every request of a delivery passes: shared by all workers sending with the same account
 * credentials (the connector's scope), at the destination's own limit or its connector's documented one.
 */
import type { RequestGate } from '@syncline/domain';
import { postgresGate } from '@syncline/rate-limit';
import type { ActivityDeps } from './activity-deps';
import type { RunContext } from './run-context';

export function destinationGate(deps: ActivityDeps, ctx: RunContext): RequestGate {
  const { connector, config, entity } = ctx.destination;
  const account = connector.rateLimitScope?.(config) ?? `destination:${entity.id}`;
  return postgresGate({
    pool: deps.pool,
    scope: `${connector.type}:${account}`,
    limit: entity.rateLimit ?? connector.defaultRateLimit,
  });
}
