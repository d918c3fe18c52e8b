/** Validates a connector config against its spec at the boundary, listing every problem at once. */
import type { DestinationConnector, SourceConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';

type AnyConnector = SourceConnector<unknown> | DestinationConnector<unknown>;

export function parseConnectorConfig<C>(
  connector: { type: string; spec: AnyConnector['spec'] },
  raw: unknown,
): C {
  const parsed = connector.spec.safeParse(raw);
  if (parsed.success) return parsed.data as C;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`);
  throw new SynclineError(ErrorCode.InvalidConfig, `Invalid ${connector.type} config: ${issues.join('; ')}`, {
    details: { issues },
  });
}
